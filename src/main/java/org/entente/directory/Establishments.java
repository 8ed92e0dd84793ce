package org.entente.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The establishments the convention covers (and the cités scolaires it explicitly leaves out). Every ticket names
 * one, and the list changes a few times a year: look-ups by UAI are served from memory, reloaded after a change
 * here and at most {@link #FRESHNESS} after a change made by another instance.
 */
@Service
public class Establishments {

	static final Duration FRESHNESS = Duration.ofMinutes(1);

	private record Snapshot(Map<String, Establishment> byUai, long loadedAt) {
	}

	private final JdbcClient jdbc;
	private volatile Snapshot snapshot;

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
		Snapshot current = snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > FRESHNESS.toNanos()) {
			Map<String, Establishment> byUai = new HashMap<>();
			findAll().forEach(e -> byUai.put(e.uai().value(), e));
			current = new Snapshot(Map.copyOf(byUai), System.nanoTime());
			snapshot = current;
		}
		return Optional.ofNullable(current.byUai().get(uai));
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
		snapshot = null;
		// Again once committed, so that a reader between the write and the commit cannot keep the old row.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}
			});
		}
	}

	private static Establishment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Establishment(new Uai(rs.getString("uai")), rs.getString("name"), rs.getString("commune"),
				EstablishmentKind.valueOf(rs.getString("kind")), rs.getBoolean("demo"));
	}
}
