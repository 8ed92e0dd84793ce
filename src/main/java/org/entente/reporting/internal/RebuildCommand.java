package org.entente.reporting.internal;

import org.entente.helpdesk.DemoTicketsSeeded;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The rebuild as a command: start the application with {@code --reporting.rebuild} (e.g.
 * {@code mvn spring-boot:run -Dspring-boot.run.arguments=--reporting.rebuild}); the aggregates are rebuilt once
 * the application is ready, and it keeps running. Also run when demo mode wrote its tickets without events.
 */
@Component
class RebuildCommand implements ApplicationRunner {

	static final String OPTION = "reporting.rebuild";

	private final Rebuild rebuild;

	RebuildCommand(Rebuild rebuild) {
		this.rebuild = rebuild;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(OPTION)) {
			rebuild.run();
		}
	}

	@ApplicationModuleListener
	void on(DemoTicketsSeeded seeded) {
		rebuild.run();
	}
}
