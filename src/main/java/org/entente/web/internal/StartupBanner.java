package org.entente.web.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once started, the log says where to go: the address of the pages and of the sign-in page. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Environment environment;

	StartupBanner(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String path = environment.getProperty("server.servlet.context-path", "");
		String base = "http://localhost:" + port + path;
		log.info("Entente est prêt : {}/ (se connecter : {}/connexion ; API : {}/swagger-ui.html)", base, base, base);
	}
}
