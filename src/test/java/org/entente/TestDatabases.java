package org.entente;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test class whose changes must not leak into the shared one (e.g. loading an
 * amendment changes the version in force): a separate in-memory H2 database, or a separate schema of the
 * PostgreSQL database CI points SPRING_DATASOURCE_URL at.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	public static void isolate(DynamicPropertyRegistry registry, String name) {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
			registry.add("spring.flyway.schemas", () -> name);
			registry.add("spring.flyway.clean-disabled", () -> "false");
			registry.add("spring.flyway.clean-on-validation-error", () -> "false");
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}
}
