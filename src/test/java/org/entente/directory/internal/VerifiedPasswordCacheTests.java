package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
