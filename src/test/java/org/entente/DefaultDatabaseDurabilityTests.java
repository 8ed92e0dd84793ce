package org.entente;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The zero-setup default (the embedded H2 file database of application.yml) keeps what it acknowledged when the
 * process is killed: a child JVM commits rows one by one on that URL, then halts (no shutdown hook, as kill -9),
 * and every row is there on reopening. H2's default WRITE_DELAY of 500 ms lost about half of them.
 */
class DefaultDatabaseDurabilityTests {

	static final int ROWS = 500;

	@Test
	void aKilledProcessLosesNothingItCommittedOnTheDefaultDatabase(@TempDir Path dir) throws Exception {
		String url = defaultUrl().replace("./data/entente", dir.resolve("entente").toString());
		assertThat(url).startsWith("jdbc:h2:file:" + dir);

		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Writer.class.getName(), url)
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes());
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(output).isEqualTo(137);
		assertThat(output).contains("acknowledged " + ROWS);

		try (Connection c = DriverManager.getConnection(url, "sa", "");
				ResultSet r = c.createStatement().executeQuery("select count(*) from acknowledged")) {
			r.next();
			assertThat(r.getInt(1)).isEqualTo(ROWS);
		}
	}

	@SuppressWarnings("unchecked")
	static String defaultUrl() throws Exception {
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
			for (Object document : new Yaml().loadAll(in)) {
				Map<String, Object> root = (Map<String, Object>) document;
				if (root != null && root.get("spring") instanceof Map<?, ?> spring && spring.get("datasource") instanceof Map<?, ?> ds
						&& ds.get("url") instanceof String url) {
					return url;
				}
			}
		}
		throw new IllegalStateException("application.yml has no spring.datasource.url");
	}

	/** The child: commits each row on its own, says so, then halts without closing anything. */
	public static final class Writer {

		public static void main(String[] args) throws Exception {
			Connection c = DriverManager.getConnection(args[0], "sa", "");
			c.createStatement().execute("create table acknowledged (id int primary key)");
			try (PreparedStatement p = c.prepareStatement("insert into acknowledged values (?)")) {
				for (int i = 0; i < ROWS; i++) {
					p.setInt(1, i);
					p.executeUpdate();
				}
			}
			System.out.println("acknowledged " + ROWS);
			System.out.flush();
			Runtime.getRuntime().halt(137);
		}
	}
}
