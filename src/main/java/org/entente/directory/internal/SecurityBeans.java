package org.entente.directory.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

	/**
	 * BCrypt by default, with the {id} prefix so that the algorithm can change later without a reset; successful
	 * verifications are remembered for five minutes so that the stateless API does not pay BCrypt on every call.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), java.time.Duration.ofMinutes(5));
	}
}
