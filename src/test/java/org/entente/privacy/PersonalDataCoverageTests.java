package org.entente.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module cannot be forgotten by the purge: every column that holds a person's identifier is destroyed by some
 * {@link PersonalDataHolder}, or is listed below with the reason it names no person. A person's identifier is, by
 * convention (docs/privacy.md), a column named {@code uid} or {@code *_uid}, {@code username}, {@code login},
 * {@code requester*}, {@code author}, {@code author_*}, {@code reporter} (and its uid, name, email or phone), {@code reported_by}, {@code actor}, {@code assignee},
 * {@code recipient(s)}, {@code principal_name}, {@code uploaded_by}, {@code answered_by}, {@code email},
 * {@code *_email}, {@code phone}, {@code *_phone}, {@code display_name}, {@code last_name}, {@code first_name}.
 */
@EntenteTest
class PersonalDataCoverageTests {

	static final Pattern PERSON = Pattern.compile("uid|.*_uid|username|login|.*_login|requester.*|author|author_.*|reporter|reporter_(uid|name|email|phone)"
			+ "|reported_by|actor|assignee|recipients?|principal_name|uploaded_by|answered_by|email|.*_email|phone|.*_phone"
			+ "|display_name|last_name|first_name|account");

	/** Columns that match the convention but name no person: each with the reason. */
	static final Map<String, String> NOT_COVERED = Map.ofEntries(
			Map.entry("gov_reminder_sent.recipients", "governance: how many people a reminder went to (an integer), no person"),
			Map.entry("privacy_processing.recipients", "the register's categories of recipients, a description, no person"),
			Map.entry("web_idempotency_key.account", "web: who sent a creation with an Idempotency-Key, deleted after 24 hours by IdempotencyKeys' purge"));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<PersonalDataHolder> holders;

	@Test
	void everyColumnThatNamesAPersonHasADestructionRule() {
		Set<String> covered = holders.stream().flatMap(h -> h.columns().stream()).collect(Collectors.toSet());
		List<String> columns = jdbc.sql("""
				select lower(table_name) t, lower(column_name) c from information_schema.columns
				where lower(table_schema) = lower(current_schema) order by 1, 2""")
			.query((rs, n) -> rs.getString("t") + "." + rs.getString("c")).list();
		Set<String> missing = new TreeSet<>();
		for (String tc : columns) {
			String column = tc.substring(tc.indexOf('.') + 1);
			if (PERSON.matcher(column).matches() && !covered.contains(tc) && !NOT_COVERED.containsKey(tc)) {
				missing.add(tc);
			}
		}
		assertThat(missing).as("colonnes qui nomment une personne sans règle de destruction (PersonalDataHolder.columns) : "
				+ "ajoutez-les au holder de leur module").isEmpty();
		assertThat(holders).extracting(PersonalDataHolder::category)
			.contains("IDENTITIES", "ACCOUNTS", "TICKET_PERSONAL_DATA", "SECURITY_REPORTERS", "NOTIFICATIONS", "POLICY_RECORDS",
					"GOVERNANCE_PEOPLE", "INVENTORY_PEOPLE", "JOURNAL_CUSTODY");
		// Every column left out still exists (a stale reason would hide a new column of the same name).
		assertThat(columns).containsAll(NOT_COVERED.keySet());
		// Every holder's columns exist (a renamed column would silently escape the purge).
		Set<String> existing = Set.copyOf(columns);
		assertThat(covered).allMatch(c -> existing.contains(c.toLowerCase(Locale.ROOT)), "colonne existante");
	}
}
