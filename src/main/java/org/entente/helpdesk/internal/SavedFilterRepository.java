package org.entente.helpdesk.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code saved_filter}: each account's named list filters. */
@Repository
class SavedFilterRepository {

	record SavedFilter(long id, String name, String query) {
	}

	private final JdbcClient jdbc;

	SavedFilterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SavedFilter> of(String username) {
		return jdbc.sql("select id, name, query from saved_filter where username = ? order by name")
			.param(username)
			.query((rs, i) -> new SavedFilter(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	void save(String username, String name, String query) {
		jdbc.sql("delete from saved_filter where username = ? and name = ?").params(username, name).update();
		jdbc.sql("insert into saved_filter (username, name, query) values (?, ?, ?)").params(username, name, query).update();
	}

	void delete(String username, long id) {
		jdbc.sql("delete from saved_filter where username = ? and id = ?").params(username, id).update();
	}
}
