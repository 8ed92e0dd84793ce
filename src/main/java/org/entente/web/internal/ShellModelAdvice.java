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

	ShellModelAdvice(ThemeProperties theme, DirectoryProperties directory) {
		this.theme = theme;
		this.demoMode = directory.demo().enabled();
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
