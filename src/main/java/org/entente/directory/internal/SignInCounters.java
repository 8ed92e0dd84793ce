package org.entente.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.entente.directory.DirectoryProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts wrong passwords in the database ({@code directory_sign_in_counter}), so that every instance sees the same
 * counts and a restart forgets nothing, under three keys: the account and address pair, the address over any
 * accounts (one address trying many accounts), the account over any addresses (many addresses trying one account).
 * A key that reaches its threshold is held back for a while that doubles at each new lock, up to a cap; attempts
 * refused while it is held back are not counted, so a lock starts once. The account-wide lock does not apply to the
 * addresses the account signed in from successfully: an attacker elsewhere cannot lock the owner out.
 * <p>
 * Each statement is atomic on its own (no transaction needed): a failure is one update of the existing rows and
 * one read; a row's first failure adds an insert, a lock that starts one guarded update that only one instance
 * wins. A right password with nothing to reset and an address already known is one read and writes nothing.
 */
final class SignInCounters {

	/** A lock that has just started: which key, until when, after how many failures. */
	record Lock(Kind kind, String username, String address, Instant until, int failures) {
	}

	enum Kind {
		PAIR("P"), ADDRESS("I"), ACCOUNT("A");

		/** The row's kind in the table; {@code K} marks a known address. */
		final String code;

		Kind(String code) {
			this.code = code;
		}
	}

	private record Row(int failures, int locks, Instant lockedUntil) {
	}

	static final int KNOWN_ADDRESSES_PER_ACCOUNT = 5;
	/** Expired rows are deleted every so many counted failures of this instance (lazily, no scheduled job). */
	private static final int CLEAN_EVERY = 256;
	private static final Timestamp NEVER = Timestamp.from(Instant.EPOCH);
	private static final String TABLE = "directory_sign_in_counter";
	private static final String KNOWN = "exists (select 1 from " + TABLE
			+ " k where k.kind = 'K' and k.username = :u and k.address = :a)";
	private static final String PAIR = "(kind = 'P' and username = :u and address = :a)";
	private static final String ADDRESS = "(kind = 'I' and username = '' and address = :a)";
	private static final String ACCOUNT = "(kind = 'A' and username = :u and address = '')";

	private final JdbcClient jdbc;
	private final DirectoryProperties.Security settings;
	private final Clock clock;
	private final AtomicLong counted = new AtomicLong();

	SignInCounters(JdbcClient jdbc, DirectoryProperties.Security settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = clock.instant();
		Map<String, Row> rows = read(key(username), address(address), true);
		Instant until = Instant.MIN;
		until = later(until, rows.get("P"));
		until = later(until, rows.get("I"));
		if (!rows.containsKey("K")) {
			until = later(until, rows.get("A"));
		}
		return until.isAfter(now) ? Optional.of(until) : Optional.empty();
	}

	/** Counts a wrong password; answers the locks it started (usually none). */
	List<Lock> failed(String username, String address) {
		Instant now = clock.instant();
		String u = key(username);
		String a = address(address);
		if (counted.incrementAndGet() % CLEAN_EVERY == 0) {
			forgetIdle(now);
		}
		// The account key is counted only from an address the account has not signed in from.
		increment(PAIR + " or " + ADDRESS + " or (" + ACCOUNT + " and not " + KNOWN + ")", u, a, now);
		Map<String, Row> rows = read(u, a, true);
		List<Kind> counting = new ArrayList<>(List.of(Kind.PAIR, Kind.ADDRESS));
		if (!rows.containsKey("K")) {
			counting.add(Kind.ACCOUNT);
		}
		List<Lock> started = new ArrayList<>(1);
		for (Kind kind : counting) {
			Row row = rows.get(kind.code);
			if (row == null) {
				row = insertOrIncrement(kind, u, a, now);
			}
			if (row.failures() >= threshold(kind) && !row.lockedUntil().isAfter(now)) {
				Instant until = now.plus(duration(row.locks() + 1));
				// Guarded by the values read: of two instances that both saw the threshold, one starts the lock.
				int won = jdbc.sql("update " + TABLE + " set locks = locks + 1, failures = 0, locked_until = :until where "
						+ where(kind) + " and failures >= :threshold and locks = :locks and locked_until <= :now")
					.param("until", Timestamp.from(until)).param("threshold", threshold(kind)).param("locks", row.locks())
					.param("now", Timestamp.from(now)).param("u", u).param("a", a).update();
				if (won == 1) {
					started.add(new Lock(kind, username, address, until, row.failures()));
				}
			}
		}
		return started;
	}

	/** A right password: the pair and the account start again from zero, and the address is now known for it. */
	void succeeded(String username, String address) {
		String u = key(username);
		String a = address(address);
		Map<String, Row> rows = read(u, a, false);
		if (rows.containsKey("P") || rows.containsKey("A")) {
			jdbc.sql("delete from " + TABLE + " where " + PAIR + " or " + ACCOUNT).param("u", u).param("a", a).update();
		}
		if (rows.containsKey("K")) {
			return;
		}
		Instant now = clock.instant();
		jdbc.sql("insert into " + TABLE + " (kind, username, address, failures, locks, last_failure, locked_until)"
				+ " values ('K', :u, :a, 0, 0, :now, :never) on conflict do nothing")
			.param("u", u).param("a", a).param("now", Timestamp.from(now)).param("never", NEVER).update();
		// The oldest known addresses beyond the last five are forgotten (rare: only when an address is new).
		List<String> known = jdbc.sql("select address from " + TABLE
				+ " where kind = 'K' and username = :u order by last_failure desc, address")
			.param("u", u).query(String.class).list();
		for (String old : known.subList(Math.min(known.size(), KNOWN_ADDRESSES_PER_ACCOUNT), known.size())) {
			jdbc.sql("delete from " + TABLE + " where kind = 'K' and username = :u and address = :a")
				.param("u", u).param("a", old).update();
		}
	}

	/** The n-th lock lasts the base lock doubled n - 1 times, at most the cap. */
	Duration duration(int lock) {
		Duration d = settings.lockout();
		for (int i = 1; i < lock && d.compareTo(settings.maxLockout()) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : d;
	}

	/** Counts one failure on the unlocked rows matching {@code where}; a quiet row starts again from one. */
	private void increment(String where, String u, String a, Instant now) {
		// Quiet for longer than the longest lock since the last failure and lock: an old story, start again.
		String quiet = "last_failure < :stale and locked_until < :stale";
		jdbc.sql("update " + TABLE + " set failures = case when " + quiet + " then 1 else failures + 1 end,"
				+ " locks = case when " + quiet + " then 0 else locks end, last_failure = :now"
				+ " where locked_until <= :now and (" + where + ")")
			.param("stale", Timestamp.from(now.minus(settings.maxLockout()))).param("now", Timestamp.from(now))
			.param("u", u).param("a", a).update();
	}

	/**
	 * A key's first failure. If another instance inserted it since the update (the conflict is ignored, so that no
	 * exception aborts a caller's transaction on PostgreSQL), its row is counted instead.
	 */
	private Row insertOrIncrement(Kind kind, String u, String a, Instant now) {
		int inserted = jdbc.sql("insert into " + TABLE + " (kind, username, address, failures, locks, last_failure, locked_until)"
				+ " values (:kind, :u, :a, 1, 0, :now, :never) on conflict do nothing")
			.param("kind", kind.code).param("u", kind == Kind.ADDRESS ? "" : u).param("a", kind == Kind.ACCOUNT ? "" : a)
			.param("now", Timestamp.from(now)).param("never", NEVER).update();
		if (inserted == 1) {
			return new Row(1, 0, Instant.EPOCH);
		}
		increment(where(kind), u, a, now);
		return jdbc.sql("select failures, locks, locked_until from " + TABLE + " where " + where(kind))
			.param("u", u).param("a", a)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).single();
	}

	/**
	 * The rows of the pair, the account and the known address (and the address's, for {@code withAddress}), by
	 * their kind's code: P, A, K, I.
	 */
	private Map<String, Row> read(String u, String a, boolean withAddress) {
		Map<String, Row> rows = new HashMap<>(8);
		jdbc.sql("select kind, failures, locks, locked_until from " + TABLE + " where " + PAIR + " or " + ACCOUNT
				+ (withAddress ? " or " + ADDRESS : "") + " or (kind = 'K' and username = :u and address = :a)")
			.param("u", u).param("a", a)
			.query(rs -> {
				rows.put(rs.getString(1).trim(), new Row(rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()));
			});
		return rows;
	}

	private void forgetIdle(Instant now) {
		Timestamp stale = Timestamp.from(now.minus(settings.maxLockout()));
		jdbc.sql("delete from " + TABLE + " where kind <> 'K' and last_failure < :stale and locked_until < :stale")
			.param("stale", stale).update();
	}

	private int threshold(Kind kind) {
		return switch (kind) {
			case PAIR -> settings.maxFailedLogins();
			case ADDRESS -> settings.addressFailures();
			case ACCOUNT -> settings.accountFailures();
		};
	}

	private static String where(Kind kind) {
		return switch (kind) {
			case PAIR -> PAIR;
			case ADDRESS -> ADDRESS;
			case ACCOUNT -> ACCOUNT;
		};
	}

	private static Instant later(Instant a, Row r) {
		return r != null && r.lockedUntil().isAfter(a) ? r.lockedUntil() : a;
	}

	/** Usernames compare without case here, so that « Admin » and « admin » share their counts. */
	static String key(String username) {
		String k = username == null ? "" : username.toLowerCase(Locale.ROOT);
		// A guessed login of any length is counted under its first 200 characters (the column's width).
		return k.length() > 200 ? k.substring(0, 200) : k;
	}

	private static String address(String address) {
		String a = address == null ? "inconnue" : address;
		return a.length() > 64 ? a.substring(0, 64) : a;
	}
}
