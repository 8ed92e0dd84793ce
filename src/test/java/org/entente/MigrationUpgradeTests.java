package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * A database of an earlier release upgrades: modules number their migrations in their own ranges, so a release brings
 * migrations below versions a database already has (the directory's V12 after the webhook's V100). With the
 * application's Flyway settings the missing one is applied; Flyway's default refuses to start.
 */
class MigrationUpgradeTests {

	@Test
	void aMigrationBelowTheDatabasesLatestIsAppliedOnUpgrade() throws Exception {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		ds.setUser("sa");
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		flyway(ds, false).migrate();
		// The database as the release before V12 left it: V100 and everything else applied, V12 not.
		jdbc.update("delete from flyway_schema_history where version = '12'");
		jdbc.execute("drop table directory_sign_in_counter");

		assertThat(flyway(ds, false).validateWithResult().validationSuccessful).as("Flyway's default").isFalse();

		flyway(ds, applicationOutOfOrder()).migrate();
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '12' and success", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from directory_sign_in_counter", Integer.class)).isZero();
	}

	/** The SQL migrations only; the Java ones are Spring beans, absent here, hence "missing" is ignored. */
	private static Flyway flyway(JdbcDataSource ds, boolean outOfOrder) {
		return Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(outOfOrder)
			.ignoreMigrationPatterns("*:missing").load();
	}

	@SuppressWarnings("unchecked")
	private static boolean applicationOutOfOrder() throws Exception {
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
			Map<String, Object> root = (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
			Map<String, Object> flyway = (Map<String, Object>) ((Map<String, Object>) root.get("spring")).get("flyway");
			return Boolean.TRUE.equals(flyway.get("out-of-order"));
		}
	}
}
