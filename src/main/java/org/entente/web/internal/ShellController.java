package org.entente.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShellController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/connexion")
	String login(jakarta.servlet.http.HttpServletRequest request, Model model) {
		// Spring Security redirects to ?error and ?logout without a value: presence is what counts.
		model.addAttribute("loginError", request.getParameterMap().containsKey("error"));
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		model.addAttribute("passwordSet", request.getParameterMap().containsKey("motdepasse"));
		return "login";
	}
}
