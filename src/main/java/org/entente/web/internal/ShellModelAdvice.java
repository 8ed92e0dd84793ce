package org.entente.web.internal;

import org.entente.directory.DirectoryProperties;
import org.entente.directory.EntenteUser;
import org.entente.web.ThemeProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the theme and the signed-in person in every page's model, for the layout. */
@ControllerAdvice
class ShellModelAdvice {

	private final ThemeProperties theme;
	private final boolean demoMode;

	private final long sessionTimeoutSeconds;

	ShellModelAdvice(ThemeProperties theme, DirectoryProperties directory,
			@org.springframework.beans.factory.annotation.Value("${server.servlet.session.timeout:30m}") java.time.Duration sessionTimeout) {
		this.theme = theme;
		this.demoMode = directory.demo().enabled();
		this.sessionTimeoutSeconds = sessionTimeout.toSeconds();
	}

	/** The idle time after which a page session ends, for the warning the layout shows before it does. */
	@ModelAttribute("sessionTimeoutSeconds")
	long sessionTimeoutSeconds() {
		return sessionTimeoutSeconds;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demoMode;
	}

	@ModelAttribute("theme")
	ThemeProperties theme() {
		return theme;
	}

	@ModelAttribute("me")
	EntenteUser me(@AuthenticationPrincipal EntenteUser user) {
		return user;
	}
}
