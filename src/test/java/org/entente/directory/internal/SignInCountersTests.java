package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.entente.directory.DirectoryProperties;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves: thresholds, doubling, cap, expiry, reset. */
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

	final SignInCounters counters = new SignInCounters(
			new DirectoryProperties.Security(5, Duration.ofMinutes(1), Duration.ofHours(1), 20, 20), clock);

	private void fail(int times, String user, String address) {
		for (int i = 0; i < times; i++) {
			counters.failed(user, address);
		}
	}

	@Test
	void fiveFailuresHoldThePairBackForAMinuteThenTwiceAsLongUpToAnHour() {
		fail(4, "alice", "10.0.0.1");
		assertThat(counters.lockedUntil("alice", "10.0.0.1")).isEmpty();
		assertThat(counters.failed("alice", "10.0.0.1")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.PAIR));
		assertThat(counters.lockedUntil("alice", "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
		// Same account elsewhere, another account here: not held back.
		assertThat(counters.lockedUntil("alice", "10.0.0.2")).isEmpty();
		assertThat(counters.lockedUntil("bob", "10.0.0.1")).isEmpty();
		// Attempts during the lock are not counted: no second lock, no second alert.
		assertThat(counters.failed("alice", "10.0.0.1")).isEmpty();
		long[] expected = { 2, 4, 8, 16, 32, 60, 60 };
		long previous = 1;
		for (long minutes : expected) {
			// The lock is over; the next failures come within the hour that follows it.
			clock.advance(Duration.ofMinutes(previous).plusSeconds(30));
			previous = minutes;
			assertThat(counters.lockedUntil("alice", "10.0.0.1")).isEmpty();
			fail(4, "alice", "10.0.0.1");
			assertThat(counters.failed("alice", "10.0.0.1")).hasSize(1);
			assertThat(counters.lockedUntil("alice", "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(minutes)));
		}
	}

	@Test
	void aQuietHourOrASuccessStartsAgainFromZero() {
		fail(5, "alice", "10.0.0.1");
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(counters.lockedUntil("alice", "10.0.0.1")).isEmpty();
		// Quiet for longer than the cap after the lock: the next lock is a one-minute lock again.
		clock.advance(Duration.ofMinutes(61));
		fail(5, "alice", "10.0.0.1");
		assertThat(counters.lockedUntil("alice", "10.0.0.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
		clock.advance(Duration.ofMinutes(2));
		fail(4, "alice", "10.0.0.1");
		counters.succeeded("alice", "10.0.0.1");
		fail(4, "alice", "10.0.0.1");
		assertThat(counters.lockedUntil("alice", "10.0.0.1")).isEmpty();
	}

	@Test
	void usernamesCompareWithoutCase() {
		fail(3, "Alice", "10.0.0.1");
		fail(2, "alice", "10.0.0.1");
		assertThat(counters.lockedUntil("ALICE", "10.0.0.1")).isPresent();
	}

	@Test
	void oneAddressTryingManyAccountsIsHeldBackForAll() {
		for (int i = 0; i < 19; i++) {
			assertThat(counters.failed("user" + i, "10.0.0.9")).isEmpty();
		}
		assertThat(counters.failed("user19", "10.0.0.9")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.ADDRESS));
		assertThat(counters.lockedUntil("someone-else", "10.0.0.9")).isPresent();
		assertThat(counters.lockedUntil("someone-else", "10.0.0.10")).isEmpty();
	}

	@Test
	void manyAddressesTryingOneAccountHoldItBackExceptFromItsOwnerAddresses() {
		counters.succeeded("alice", "192.0.2.1");
		for (int i = 0; i < 19; i++) {
			counters.failed("alice", "10.1.0." + i);
		}
		assertThat(counters.failed("alice", "10.1.0.19")).singleElement()
			.satisfies(l -> assertThat(l.kind()).isEqualTo(SignInCounters.Kind.ACCOUNT));
		assertThat(counters.lockedUntil("alice", "10.1.0.200")).isPresent();
		assertThat(counters.lockedUntil("alice", "192.0.2.1")).isEmpty();
		// The owner's address still has its own pair counter with growing delays.
		fail(5, "alice", "192.0.2.1");
		assertThat(counters.lockedUntil("alice", "192.0.2.1")).contains(clock.now.plus(Duration.ofMinutes(1)));
	}
}
