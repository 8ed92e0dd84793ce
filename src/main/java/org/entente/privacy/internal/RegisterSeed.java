package org.entente.privacy.internal;

import org.entente.convention.Conventions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up the register receives the processings the convention describes; in demo mode ({@code entente.demo})
 * their copies are recorded as sent, marked as demo data, so that an identity import works on a fresh start.
 */
@Component
class RegisterSeed implements ApplicationRunner {

	private final ProcessingRegister register;
	private final Conventions conventions;
	private final boolean demo;

	RegisterSeed(ProcessingRegister register, Conventions conventions, @Value("${entente.demo.enabled:false}") boolean demo) {
		this.register = register;
		this.conventions = conventions;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		register.seed(conventions.current(), demo);
	}
}
