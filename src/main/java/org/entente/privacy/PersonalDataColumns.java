package org.entente.privacy;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The common case of a {@link PersonalDataHolder}: columns, each « table.column » of the holder's own module, that
 * hold a person's identifier in records that stay. Counting looks the person up in each; anonymising writes
 * {@link DataSubject#ANONYMOUS} in their place. The names come from the holder's code, never from input.
 */
public final class PersonalDataColumns {

	private PersonalDataColumns() {
	}

	/** Records that name the person, across the columns. */
	public static long count(JdbcClient jdbc, List<String> columns, DataSubject subject) {
		long n = 0;
		for (String c : columns) {
			String[] tc = split(c);
			n += jdbc.sql("select count(*) from " + tc[0] + " where " + tc[1] + " = ?").param(subject.uid()).query(Long.class).single();
		}
		return n;
	}

	/** Replaces the person's identifier by {@link DataSubject#ANONYMOUS} in every column; returns the records changed. */
	public static long anonymise(JdbcClient jdbc, List<String> columns, DataSubject subject) {
		long n = 0;
		for (String c : columns) {
			String[] tc = split(c);
			n += jdbc.sql("update " + tc[0] + " set " + tc[1] + " = ? where " + tc[1] + " = ?")
				.params(DataSubject.ANONYMOUS, subject.uid())
				.update();
		}
		return n;
	}

	/**
	 * A statement on rows that name the person by mail or by name rather than by UID (a committee member, a contact
	 * typed in by hand): {@code sql} uses {@code :addresses} (the person's addresses) and {@code :names} (« Prénom
	 * Nom » and « Nom Prénom »), both in lower case, e.g. {@code lower(email) in (:addresses) or lower(name) in (:names)}.
	 */
	public static JdbcClient.StatementSpec named(JdbcClient jdbc, String sql, DataSubject subject) {
		return jdbc.sql(sql).param("addresses", orNone(subject.addresses().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList()))
			.param("names", orNone(subject.names().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList()));
	}

	/** An empty « in () » is not SQL: a value no column holds stands for none. */
	private static List<String> orNone(List<String> values) {
		return values.isEmpty() ? List.of("[aucun]") : values;
	}

	private static String[] split(String column) {
		String[] tc = column.split("\\.");
		if (tc.length != 2 || !column.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("colonne « " + column + " » : table.colonne attendu");
		}
		return tc;
	}
}
