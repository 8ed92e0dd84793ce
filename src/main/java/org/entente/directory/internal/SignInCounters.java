package org.entente.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.directory.DirectoryProperties;

/**
 * Counts wrong passwords in memory, per instance, under three keys: the account and address pair, the address over
 * any accounts (one address trying many accounts), the account over any addresses (many addresses trying one
 * account). A key that reaches its threshold is held back for a while that doubles at each new lock, up to a cap;
 * attempts refused while it is held back are not counted, so a lock starts once. The account-wide lock does not
 * apply to the addresses the account signed in from successfully: an attacker elsewhere cannot lock the owner out.
 */
final class SignInCounters {

	/** A lock that has just started: which key, until when, after how many failures. */
	record Lock(Kind kind, String username, String address, Instant until, int failures) {
	}

	enum Kind {
		PAIR, ADDRESS, ACCOUNT
	}

	private static final int MAX_ENTRIES = 100_000;
	private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 5;

	private static final class Counter {

		int failures;
		int locks;
		Instant lockedUntil = Instant.MIN;
		Instant lastFailure = Instant.MIN;
	}

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();
	private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();
	private final DirectoryProperties.Security settings;
	private final Clock clock;

	SignInCounters(DirectoryProperties.Security settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = clock.instant();
		Instant until = Instant.MIN;
		until = later(until, counters.get(pair(username, address)));
		until = later(until, counters.get(addressKey(address)));
		if (!known(username, address)) {
			until = later(until, counters.get(accountKey(username)));
		}
		return until.isAfter(now) ? Optional.of(until) : Optional.empty();
	}

	/** Counts a wrong password; answers the locks it started (usually none). */
	List<Lock> failed(String username, String address) {
		Instant now = clock.instant();
		if (counters.size() >= MAX_ENTRIES) {
			forgetIdle(now);
		}
		List<Lock> started = new ArrayList<>(1);
		count(pair(username, address), settings.maxFailedLogins(), now, Kind.PAIR, username, address, started);
		count(addressKey(address), settings.addressFailures(), now, Kind.ADDRESS, username, address, started);
		if (!known(username, address)) {
			count(accountKey(username), settings.accountFailures(), now, Kind.ACCOUNT, username, address, started);
		}
		return started;
	}

	/** A right password: the pair and the account start again from zero, and the address is now known for it. */
	void succeeded(String username, String address) {
		counters.remove(pair(username, address));
		counters.remove(accountKey(username));
		if (knownAddresses.size() >= MAX_ENTRIES) {
			knownAddresses.clear();
		}
		if (known(username, address)) {
			return;
		}
		// Copied on write: readers never see a set being changed.
		knownAddresses.compute(key(username), (u, set) -> {
			Set<String> s = set == null ? new LinkedHashSet<>() : new LinkedHashSet<>(set);
			s.add(address);
			while (s.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
				s.remove(s.iterator().next());
			}
			return s;
		});
	}

	private void count(String key, int threshold, Instant now, Kind kind, String username, String address, List<Lock> started) {
		counters.compute(key, (k, c) -> {
			Counter counter = c == null ? new Counter() : c;
			if (counter.lockedUntil.isAfter(now)) {
				return counter;
			}
			// Quiet for longer than the longest lock since the last failure or lock: an old story, start again.
			if (quietSince(counter).plus(settings.maxLockout()).isBefore(now)) {
				counter.failures = 0;
				counter.locks = 0;
			}
			counter.lastFailure = now;
			counter.failures++;
			if (counter.failures >= threshold) {
				counter.locks++;
				counter.lockedUntil = now.plus(duration(counter.locks));
				started.add(new Lock(kind, username, address, counter.lockedUntil, counter.failures));
				counter.failures = 0;
			}
			return counter;
		});
	}

	/** The n-th lock lasts the base lock doubled n - 1 times, at most the cap. */
	Duration duration(int lock) {
		Duration d = settings.lockout();
		for (int i = 1; i < lock && d.compareTo(settings.maxLockout()) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : d;
	}

	private void forgetIdle(Instant now) {
		counters.values().removeIf(c -> c.lockedUntil.isBefore(now) && quietSince(c).plus(settings.maxLockout()).isBefore(now));
		if (counters.size() >= MAX_ENTRIES) {
			// Still full (a flood of distinct keys): keep the locks, drop the mere counts.
			counters.values().removeIf(c -> c.lockedUntil.isBefore(now));
		}
	}

	private static Instant quietSince(Counter c) {
		return c.lastFailure.isAfter(c.lockedUntil) ? c.lastFailure : c.lockedUntil;
	}

	private boolean known(String username, String address) {
		Set<String> set = knownAddresses.get(key(username));
		return set != null && set.contains(address);
	}

	private static Instant later(Instant a, Counter c) {
		return c != null && c.lockedUntil.isAfter(a) ? c.lockedUntil : a;
	}

	/** Usernames compare without case here, so that « Admin » and « admin » share their counts. */
	private static String key(String username) {
		return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
	}

	private static String pair(String username, String address) {
		return "p\u0000" + key(username) + "\u0000" + address;
	}

	private static String addressKey(String address) {
		return "i\u0000" + address;
	}

	private static String accountKey(String username) {
		return "a\u0000" + key(username);
	}
}
