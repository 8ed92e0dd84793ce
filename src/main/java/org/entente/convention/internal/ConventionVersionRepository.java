package org.entente.convention.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores every convention file loaded, verbatim, so that any past decision can be re-read against its version. */
@Repository
public class ConventionVersionRepository {

	/** A stored file with its bookkeeping. */
	public record StoredVersion(long id, String conventionId, String version, String title, String amendment,
			String sourceName, String sha256, String content, Instant loadedAt, String loadedBy) {

		public byte[] bytes() {
			return content.getBytes(StandardCharsets.UTF_8);
		}
	}

	private final JdbcClient jdbc;

	public ConventionVersionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<StoredVersion> findAll() {
		return jdbc.sql("select * from convention_version order by id").query(this::map).list();
	}

	public Optional<StoredVersion> find(String conventionId, String version) {
		return jdbc.sql("select * from convention_version where convention_id = ? and version = ?")
			.params(conventionId, version)
			.query(this::map)
			.optional();
	}

	public long latestId() {
		return jdbc.sql("select coalesce(max(id), 0) from convention_version").query(Long.class).single();
	}

	public void insert(String conventionId, String version, String title, String amendment, String sourceName,
			String sha256, String content, String loadedBy, Instant loadedAt) {
		jdbc.sql("""
				insert into convention_version (convention_id, version, title, amendment, source_name, sha256, content, loaded_at, loaded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(conventionId, version, title, amendment, sourceName, sha256, content, Timestamp.from(loadedAt), loadedBy)
			.update();
	}

	/** A new release of the bundled file under the same version (see {@code Conventions.refreshesInPlace}). */
	public void replaceContent(long id, String sourceName, String sha256, String content) {
		jdbc.sql("update convention_version set source_name = ?, sha256 = ?, content = ? where id = ?")
			.params(sourceName, sha256, content, id)
			.update();
	}

	private StoredVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StoredVersion(rs.getLong("id"), rs.getString("convention_id"), rs.getString("version"),
				rs.getString("title"), rs.getString("amendment"), rs.getString("source_name"), rs.getString("sha256"),
				rs.getString("content"), rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"));
	}
}
