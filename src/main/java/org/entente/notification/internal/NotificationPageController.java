package org.entente.notification.internal;

import java.security.Principal;

import org.entente.notification.InAppNotifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class NotificationPageController {

	private final InAppNotifications notifications;

	NotificationPageController(InAppNotifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(Principal principal, Model model) {
		model.addAttribute("notices", notifications.latest(principal.getName(), 100));
		return "notification/list";
	}

	@PostMapping("/notifications/lues")
	String markRead(Principal principal) {
		notifications.markAllRead(principal.getName());
		return "redirect:/notifications";
	}
}
