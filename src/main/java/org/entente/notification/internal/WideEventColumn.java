package org.entente.notification.internal;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On H2, the event publication registry's own schema (Spring Modulith's schema-h2.sql) holds an event in
 * VARCHAR(4000): a mail with its attachments (the monthly statistics' PDF and XLSX, a breach notification's files)
 * could not be published and its whole transaction failed. Once the library has created its table, the column is
 * widened to H2's largest VARCHAR, which its index still accepts. PostgreSQL's schema already uses TEXT.
 */
@Component
class WideEventColumn implements SmartInitializingSingleton {

	static final long WIDTH = 1_000_000_000L;

	private static final Logger log = LoggerFactory.getLogger(WideEventColumn.class);

	private final DataSource dataSource;

	WideEventColumn(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Long width = jdbc.sql("""
				select character_maximum_length from information_schema.columns
				where upper(table_name) = 'EVENT_PUBLICATION' and upper(column_name) = 'SERIALIZED_EVENT'
				and upper(table_schema) = upper(current_schema())""").query(Long.class).optional().orElse(null);
		if (width == null || width >= WIDTH || !isH2(jdbc)) {
			return;
		}
		jdbc.sql("alter table event_publication alter column serialized_event set data type varchar(" + WIDTH + ")").update();
		log.info("Registre des événements : colonne serialized_event élargie de {} à {} caractères (H2)", width, WIDTH);
	}

	private boolean isH2(JdbcClient jdbc) {
		try (var c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
