package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTests {

	@Test
	void remembersOnlySuccessfulChecksOfTheSameHash() {
		PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		AtomicInteger calls = new AtomicInteger();
		PasswordEncoder counting = new PasswordEncoder() {
			public String encode(CharSequence raw) {
				return bcrypt.encode(raw);
			}

			public boolean matches(CharSequence raw, String encoded) {
				calls.incrementAndGet();
				return bcrypt.matches(raw, encoded);
			}
		};
		VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(5));
		String hash = cache.encode("secret");
		assertThat(cache.matches("secret", hash)).isTrue();
		assertThat(cache.matches("secret", hash)).isTrue();
		assertThat(calls).hasValue(1);
		assertThat(cache.matches("wrong", hash)).isFalse();
		assertThat(cache.matches("wrong", hash)).isFalse();
		assertThat(calls).hasValue(3);
		String changed = cache.encode("secret");
		assertThat(cache.matches("secret", changed)).isTrue();
		assertThat(calls).hasValue(4);

		VerifiedPasswordCache expired = new VerifiedPasswordCache(counting, Duration.ZERO);
		expired.matches("secret", hash);
		expired.matches("secret", hash);
		assertThat(calls).hasValue(6);
	}

	@Test
	void aBurstOfTheSameNewCredentialsSpendsOneVerification() throws Exception {
		CountDownLatch verifying = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		PasswordEncoder slow = new PasswordEncoder() {
			public String encode(CharSequence raw) {
				return "{noop}" + raw;
			}

			public boolean matches(CharSequence raw, String encoded) {
				calls.incrementAndGet();
				verifying.countDown();
				try {
					release.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				return encoded.equals("{noop}" + raw);
			}
		};
		VerifiedPasswordCache cache = new VerifiedPasswordCache(slow, Duration.ofMinutes(5));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			results.add(pool.submit(() -> cache.matches("secret", "{noop}secret")));
			verifying.await();
			for (int i = 1; i < 20; i++) {
				results.add(pool.submit(() -> cache.matches("secret", "{noop}secret")));
			}
			// The others are queued behind the first verification (or will find its result once it is stored).
			release.countDown();
			for (Future<Boolean> r : results) {
				assertThat(r.get()).isTrue();
			}
			assertThat(calls).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
