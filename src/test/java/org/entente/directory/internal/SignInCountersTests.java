package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.entente.EntenteTest;
import org.entente.directory.DirectoryProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The throttle's arithmetic, on a clock the test moves: thresholds, doubling, cap, expiry, reset; on the test
 * database (the counters live there), with logins of its own and its addresses cleared before each test.
 */
@EntenteTest
class SignInCountersTests {

	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-12-01T10:00:00Z");

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	final MovableClock clock = new MovableClock();

	static final DirectoryProperties.Security SETTINGS = new DirectoryProperties.Security(5, Duration.ofMinutes(1),
			Duration.ofHours(1), 20, 20);

	@Autowired
	JdbcClient jdbc;

	SignInCounters counters;

	/** Logins of this test method only: the shared database keeps what other tests counted. */
	final String run = Long.toString(System.nanoTime());

	String u(String name) {
		return name + "-" + run;
	}

	@BeforeEach
	void clearTheTestAddresses() {
		// The address-wide rows outlive a test method (its logins do not collide, its addresses would).
		jdbc.sql("delete from directory_sign_in_counter where address like '10.%' or address like '192.0.2.%'").update();
		counters = new SignInCounters(jdbc, SETTINGS, clock);
	}

	private void fail(int times, String user, String address) {
		for (int i = 0; i < times; i++) {
			counters.failed(user, address);
		}
	}

	@Test
	void fiveFailuresHoldThePairBackForAMinuteThenTwiceAsLongUpToAnHour() {
		fail(4, u("alice"), "10.0.0.1");
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).isEmpty();
		assertThat(counters.failed(u("alice"), "10.0.0.1")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.PAIR));
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
		// Same account elsewhere, another account here: not held back.
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.2")).isEmpty();
		assertThat(counters.lockedUntil(u("bob"), "10.0.0.1")).isEmpty();
		// Attempts during the lock are not counted: no second lock, no second alert.
		assertThat(counters.failed(u("alice"), "10.0.0.1")).isEmpty();
		long[] expected = { 2, 4, 8, 16, 32, 60, 60 };
		long previous = 1;
		for (long minutes : expected) {
			// The lock is over; the next failures come within the hour that follows it.
			clock.advance(Duration.ofMinutes(previous).plusSeconds(30));
			previous = minutes;
			assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).isEmpty();
			fail(4, u("alice"), "10.0.0.1");
			assertThat(counters.failed(u("alice"), "10.0.0.1")).hasSize(1);
			assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(minutes)));
		}
	}

	@Test
	void aQuietHourOrASuccessStartsAgainFromZero() {
		fail(5, u("alice"), "10.0.0.1");
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).isEmpty();
		// Quiet for longer than the cap after the lock: the next lock is a one-minute lock again.
		clock.advance(Duration.ofMinutes(61));
		fail(5, u("alice"), "10.0.0.1");
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
		clock.advance(Duration.ofMinutes(2));
		fail(4, u("alice"), "10.0.0.1");
		counters.succeeded(u("alice"), "10.0.0.1");
		fail(4, u("alice"), "10.0.0.1");
		assertThat(counters.lockedUntil(u("alice"), "10.0.0.1")).isEmpty();
	}

	@Test
	void usernamesCompareWithoutCase() {
		fail(3, u("Alice"), "10.0.0.1");
		fail(2, u("alice"), "10.0.0.1");
		assertThat(counters.lockedUntil(u("ALICE"), "10.0.0.1")).isPresent();
	}

	@Test
	void oneAddressTryingManyAccountsIsHeldBackForAll() {
		for (int i = 0; i < 19; i++) {
			assertThat(counters.failed(u("user" + i), "10.0.0.9")).isEmpty();
		}
		assertThat(counters.failed(u("user19"), "10.0.0.9")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.ADDRESS));
		assertThat(counters.lockedUntil(u("someone-else"), "10.0.0.9")).isPresent();
		assertThat(counters.lockedUntil(u("someone-else"), "10.0.0.10")).isEmpty();
	}

	@Test
	void manyAddressesTryingOneAccountHoldItBackExceptFromItsOwnerAddresses() {
		counters.succeeded(u("alice"), "192.0.2.1");
		for (int i = 0; i < 19; i++) {
			counters.failed(u("alice"), "10.1.0." + i);
		}
		assertThat(counters.failed(u("alice"), "10.1.0.19")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.ACCOUNT));
		assertThat(counters.lockedUntil(u("alice"), "10.1.0.200")).isPresent();
		assertThat(counters.lockedUntil(u("alice"), "192.0.2.1")).isEmpty();
		// The owner's address still has its own pair counter with growing delays.
		fail(5, u("alice"), "192.0.2.1");
		assertThat(counters.lockedUntil(u("alice"), "192.0.2.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
	}

	@Test
	void instancesSharingTheDatabaseShareTheCountsAndARestartKeepsThem() {
		SignInCounters other = new SignInCounters(jdbc, SETTINGS, clock);
		fail(3, u("alice"), "10.2.0.1");
		other.failed(u("alice"), "10.2.0.1");
		// The fifth failure, wherever it lands, starts the lock once: 5 attempts in all, not 5 per instance.
		assertThat(other.failed(u("alice"), "10.2.0.1")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.PAIR));
		assertThat(counters.failed(u("alice"), "10.2.0.1")).isEmpty();
		Instant until = clock.now.plus(Duration.ofMinutes(1));
		assertThat(counters.lockedUntil(u("alice"), "10.2.0.1")).contains(until);
		assertThat(other.lockedUntil(u("alice"), "10.2.0.1")).contains(until);
		// A restart: a new instance on the same database still holds the pair back, and counts on from there.
		SignInCounters restarted = new SignInCounters(jdbc, SETTINGS, clock);
		assertThat(restarted.lockedUntil(u("alice"), "10.2.0.1")).contains(until);
		fail(4, u("bob"), "10.2.0.2");
		assertThat(restarted.failed(u("bob"), "10.2.0.2")).hasSize(1);
		// A right password on one instance resets the pair for all.
		clock.advance(Duration.ofMinutes(2));
		fail(4, u("alice"), "10.2.0.1");
		other.succeeded(u("alice"), "10.2.0.1");
		assertThat(restarted.failed(u("alice"), "10.2.0.1")).isEmpty();
		assertThat(counters.lockedUntil(u("alice"), "10.2.0.1")).isEmpty();
	}
}
