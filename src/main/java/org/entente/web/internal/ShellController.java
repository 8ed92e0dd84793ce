package org.entente.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

	private final org.entente.directory.SingleSignOn sso;

	ShellController(org.entente.directory.SingleSignOn sso) {
		this.sso = sso;
	}

	@GetMapping("/")
	String home() {
		return "home";
	}

	/** The address people guess (Spring's default) leads to the sign-in page, in a browser as elsewhere. */
	@GetMapping("/login")
	String loginAlias() {
		return "redirect:/connexion";
	}

	@GetMapping("/connexion")
	String login(jakarta.servlet.http.HttpServletRequest request, Model model) {
		// Spring Security redirects to ?error and ?logout without a value: presence is what counts.
		model.addAttribute("loginError", request.getParameterMap().containsKey("error"));
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		model.addAttribute("passwordSet", request.getParameterMap().containsKey("motdepasse"));
		model.addAttribute("ssoError", "sso".equals(request.getParameter("error")));
		// Held back by the sign-in throttle: say until when, in the convention's zone (a display, nothing trusted).
		String until = request.getParameter("until");
		if ("throttled".equals(request.getParameter("error")) && until != null && until.matches("\\d{1,12}")) {
			model.addAttribute("retryAt", java.time.format.DateTimeFormatter.ofPattern("HH'h'mm")
				.withZone(java.time.ZoneId.of("Europe/Paris"))
				.format(java.time.Instant.ofEpochSecond(Long.parseLong(until))));
		}
		model.addAttribute("providers", sso.providers());
		model.addAttribute("localLogin", sso.localLoginEnabled());
		return "login";
	}
}
