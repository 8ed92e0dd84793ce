package org.entente.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The establishments the convention covers (and the cités scolaires it explicitly leaves out). */
@Service
public class Establishments {

	private final JdbcClient jdbc;

	public Establishments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Establishment> findAll() {
		return jdbc.sql("select * from establishment order by commune, name").query(Establishments::map).list();
	}

	public Optional<Establishment> find(String uai) {
		if (uai == null || Uai.problem(uai) != null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from establishment where uai = ?").param(uai).query(Establishments::map).optional();
	}

	/** Creates or updates an establishment by UAI. */
	@Transactional
	public void save(Establishment e) {
		int updated = jdbc.sql("update establishment set name = ?, commune = ?, kind = ?, demo = ? where uai = ?")
			.params(e.name(), e.commune(), e.kind().name(), e.demo(), e.uai().value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into establishment (uai, name, commune, kind, demo) values (?, ?, ?, ?, ?)")
				.params(e.uai().value(), e.name(), e.commune(), e.kind().name(), e.demo())
				.update();
		}
	}

	private static Establishment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Establishment(new Uai(rs.getString("uai")), rs.getString("name"), rs.getString("commune"),
				EstablishmentKind.valueOf(rs.getString("kind")), rs.getBoolean("demo"));
	}
}
