package org.entente.directory.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts of a person (the login is the Toutatice UID, or the OpenID Connect subject is, or single sign-on
 * stored the UID claim in {@code person_uid}), with their change
 * history, set-password links, sessions and sign-in throttle rows: destroyed when the person's retention ends (annexe protection des
 * données §8). Where the person changed someone else's account, the author becomes anonymous.
 */
@Component
class AccountPersonalData implements PersonalDataHolder {

	static final String ANONYMOUS = DataSubject.ANONYMOUS;

	/** The person's accounts: by login, by OpenID Connect subject, or by the UID claim single sign-on stored. */
	static final String MATCH = "username = ? or oidc_subject = ? or person_uid = ?";

	private final JdbcClient jdbc;
	private final AccountSessions sessions;
	private final AccountUserDetailsService userDetails;

	AccountPersonalData(JdbcClient jdbc, AccountSessions sessions, AccountUserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.userDetails = userDetails;
	}

	@Override
	public String category() {
		return "ACCOUNTS";
	}

	@Override
	public List<String> columns() {
		return List.of("account.username", "account.display_name", "account.email", "directory_account_change.username",
				"directory_account_change.changed_by", "directory_password_token.username", "spring_session.principal_name", "account.person_uid",
				"directory_sign_in_counter.username");
	}

	private List<String> usernames(DataSubject s) {
		return jdbc.sql("select username from account where " + MATCH + " order by username")
			.params(s.uid(), s.uid(), s.uid()).query(String.class).list();
	}

	@Override
	public Set<String> addresses(DataSubject s) {
		return new LinkedHashSet<>(jdbc.sql("select email from account where (" + MATCH + ") and email is not null")
			.params(s.uid(), s.uid(), s.uid()).query(String.class).list());
	}

	@Override
	public long count(DataSubject s) {
		return usernames(s).size();
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		return jdbc.sql("""
				select username, display_name, email, role, party, establishment, enabled, created_at, person_uid from account
				where username = ? or oidc_subject = ? or person_uid = ? order by username""")
			.params(s.uid(), s.uid(), s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("username", rs.getString("username"));
				m.put("displayName", rs.getString("display_name"));
				m.put("personUid", rs.getString("person_uid"));
				m.put("email", rs.getString("email"));
				m.put("role", rs.getString("role"));
				m.put("party", rs.getString("party"));
				m.put("establishment", rs.getString("establishment"));
				m.put("enabled", rs.getBoolean("enabled"));
				m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				return m;
			})
			.list();
	}

	@Override
	public long destroy(DataSubject s) {
		List<String> usernames = usernames(s);
		for (String username : usernames) {
			sessions.endAll(username);
			jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
			jdbc.sql("delete from directory_password_token where username = ?").param(username).update();
			jdbc.sql("delete from directory_account_change where username = ?").param(username).update();
			jdbc.sql("update directory_account_change set changed_by = ? where changed_by = ?").params(ANONYMOUS, username).update();
			jdbc.sql("delete from account where username = ?").param(username).update();
			// The sign-in throttle's counts and known addresses of the login (kept lower-case there).
			jdbc.sql("delete from directory_sign_in_counter where username = ?").param(SignInCounters.key(username)).update();
			userDetails.forget(username);
		}
		return usernames.size();
	}
}
