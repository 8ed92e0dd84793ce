package org.entente.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts: creation with a hashed password, look-up, and the scope each account entitles. */
@Service
public class Accounts {

	private final JdbcClient jdbc;
	private final PasswordEncoder passwordEncoder;

	public Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	public Optional<Account> find(String username) {
		return jdbc.sql("select * from account where username = ?").param(username).query(Accounts::map).optional();
	}

	/** These accounts, in username order (unknown names are left out). */
	public List<Account> findAll(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from account where username in (:usernames) order by username")
			.param("usernames", List.copyOf(usernames))
			.query(Accounts::map)
			.list();
	}

	public List<Account> findAll() {
		return jdbc.sql("select * from account order by username").query(Accounts::map).list();
	}

	/**
	 * The enabled accounts that are among {@code usernames}, or hold one of {@code roles}, or belong to the
	 * establishment {@code uai} (null for none): the few candidates a notification chooses from, without reading
	 * every account.
	 */
	public List<Account> enabledAmong(Collection<String> usernames, Collection<Role> roles, String uai) {
		List<String> any = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		List<String> names = usernames.stream().filter(Objects::nonNull).distinct().toList();
		if (!names.isEmpty()) {
			any.add("username in (:usernames)");
			params.put("usernames", names);
		}
		if (!roles.isEmpty()) {
			any.add("role in (:roles)");
			params.put("roles", roles.stream().map(Role::name).distinct().toList());
		}
		if (uai != null) {
			any.add("establishment = :uai");
			params.put("uai", uai);
		}
		if (any.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from account where enabled and (" + String.join(" or ", any) + ") order by username")
			.params(params)
			.query(Accounts::map)
			.list();
	}

	/**
	 * The account as Spring Security needs it, with its hash and lock, in one read: the stateless API
	 * authenticates every request.
	 */
	public Optional<EntenteUser> forAuthentication(String username) {
		return jdbc.sql("select * from account where username = ?")
			.param(username)
			.query((rs, i) -> {
				java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
				boolean nonLocked = lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now());
				// An invited account (no password yet) or one that signs in at its provider: a hash nothing matches.
				String hash = rs.getString("password_hash");
				return new EntenteUser(map(rs, i), hash == null ? "{bcrypt}!" : hash, nonLocked, rs.getInt("failed_logins"));
			})
			.optional();
	}

	/** The enabled heads of the establishment {@code uai} (« chef·fe d'établissement »), by name. */
	public List<Account> headsOf(String uai) {
		return jdbc.sql("select * from account where establishment = ? and head_of_establishment and enabled order by display_name, username")
			.param(uai).query(Accounts::map).list();
	}

	/** Designates (or no longer) an account as its establishment's head, with its function; the caller checks who may. */
	@Transactional
	public void designateHead(String username, boolean head, String function) {
		jdbc.sql("update account set head_of_establishment = ?, head_function = ? where username = ?")
			.params(head, head ? function : null, username).update();
	}

	/** A new account; the password is stored as a BCrypt hash only. */
	@Transactional
	public Account create(NewAccount a) {
		jdbc.sql("""
				insert into account (username, password_hash, display_name, email, role, party, establishment, demo, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.username(), passwordEncoder.encode(a.password()), a.displayName(), a.email(), a.role().name(),
					a.party(), a.establishment(), a.demo(), Timestamp.from(Instant.now()))
			.update();
		return find(a.username()).orElseThrow();
	}

	@Transactional
	public void changePassword(String username, String password) {
		jdbc.sql("update account set password_hash = ?, failed_logins = 0, locked_until = null where username = ?")
			.params(passwordEncoder.encode(password), username)
			.update();
	}

	/** What is needed to create an account. */
	public record NewAccount(String username, String password, String displayName, String email, Role role,
			String party, String establishment, boolean demo) {
	}

	static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("party"),
				rs.getString("establishment"), rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getBoolean("head_of_establishment"),
				rs.getString("head_function"));
	}
}
