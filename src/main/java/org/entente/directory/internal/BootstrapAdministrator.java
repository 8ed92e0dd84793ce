package org.entente.directory.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an empty database: ENTENTE_BOOTSTRAP_ADMIN names it, its password comes from
 * ENTENTE_BOOTSTRAP_ADMIN_PASSWORD or from the file ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE (a container secret).
 * Honoured only while no enabled administrator exists, so that forgotten variables cannot reset anything later;
 * the password follows the same rules as any other and is never logged. A refused password stops the start-up
 * with the reason.
 */
@Component
@Order(1)
class BootstrapAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

	private final BootstrapSettings settings;
	private final AccountCredentials credentials;

	BootstrapAdministrator(BootstrapSettings settings, AccountCredentials credentials) {
		this.settings = settings;
		this.credentials = credentials;
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = settings.admin() == null ? "" : settings.admin().strip();
		if (username.isEmpty()) {
			if (credentials.enabledAdministrators() == 0) {
				log.warn("Aucun administrateur actif : définissez ENTENTE_BOOTSTRAP_ADMIN et ENTENTE_BOOTSTRAP_ADMIN_PASSWORD "
						+ "(ou ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE) puis redémarrez (voir README, « Premier administrateur »).");
			}
			return;
		}
		if (credentials.enabledAdministrators() > 0) {
			log.info("ENTENTE_BOOTSTRAP_ADMIN ignoré : un administrateur actif existe déjà ; retirez ces variables.");
			return;
		}
		String password = password();
		if (credentials.bootstrap(username, password, settings.email())) {
			log.warn("Administrateur initial « {} » créé par ENTENTE_BOOTSTRAP_ADMIN (mot de passe lu dans {}, non affiché). "
					+ "Retirez ces variables de l'environnement.", username,
					blank(settings.passwordFile()) ? "ENTENTE_BOOTSTRAP_ADMIN_PASSWORD" : "le fichier " + settings.passwordFile());
		}
	}

	private String password() {
		boolean inline = !blank(settings.password());
		boolean file = !blank(settings.passwordFile());
		if (inline && file) {
			throw new IllegalStateException(
					"ENTENTE_BOOTSTRAP_ADMIN_PASSWORD et ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE sont tous deux définis : gardez-en un seul.");
		}
		if (!inline && !file) {
			throw new IllegalStateException("ENTENTE_BOOTSTRAP_ADMIN est défini sans mot de passe : "
					+ "définissez ENTENTE_BOOTSTRAP_ADMIN_PASSWORD ou ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE.");
		}
		if (inline) {
			return settings.password();
		}
		try {
			// The file's last line break (echo, editors) is not part of the password.
			return Files.readString(Path.of(settings.passwordFile()), StandardCharsets.UTF_8).replaceAll("\\R+$", "");
		}
		catch (IOException e) {
			throw new IllegalStateException("ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE : lecture impossible de « "
					+ settings.passwordFile() + " » (" + e.getClass().getSimpleName() + ")");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
