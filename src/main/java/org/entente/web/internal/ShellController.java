package org.entente.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ShellController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/connexion")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		model.addAttribute("loginError", error != null);
		model.addAttribute("loggedOut", logout != null);
		return "login";
	}
}
