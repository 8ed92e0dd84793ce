package org.entente.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link PersonalDataHolder} whose records stay and name the person by UID in some columns (« table.column » of
 * the holder's module): counted, described per column and anonymised with {@link PersonalDataColumns}. A module
 * with more (texts to cut, rows to delete, addresses) overrides {@link #columns}, {@link #describe} or
 * {@link #destroy} and calls these.
 */
public abstract class AnonymisedColumns implements PersonalDataHolder {

	protected final JdbcClient jdbc;
	private final String category;
	private final List<String> anonymised;

	protected AnonymisedColumns(JdbcClient jdbc, String category, List<String> anonymised) {
		this.jdbc = jdbc;
		this.category = category;
		this.anonymised = List.copyOf(anonymised);
	}

	@Override
	public String category() {
		return category;
	}

	/** The UID columns anonymised; a holder with other columns adds them to {@link #columns}. */
	protected final List<String> anonymised() {
		return anonymised;
	}

	@Override
	public List<String> columns() {
		return anonymised;
	}

	@Override
	public long count(DataSubject s) {
		return PersonalDataColumns.count(jdbc, anonymised, s);
	}

	/** One map per column that names the person: the table, the column and how many records. */
	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		return anonymised.stream().map(c -> {
			String[] tc = c.split("\\.");
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", tc[0]);
			m.put("as", tc[1]);
			m.put("records", PersonalDataColumns.count(jdbc, List.of(c), s));
			return m;
		}).filter(m -> ((Long) m.get("records")) > 0).toList();
	}

	@Override
	public long destroy(DataSubject s) {
		return PersonalDataColumns.anonymise(jdbc, anonymised, s);
	}
}
