package org.entente.inventory.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.entente.directory.EntenteUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL GLPI Agent is given ({@code server = https://…/api/v1/inventory/glpi-agent}, {@code tag = <UAI>},
 * {@code user}/{@code password} of an inventory-agent account). Answers in plain JSON, which the agent accepts.
 */
@RestController
class GlpiAgentController {

	private final GlpiAgentIntake intake;

	GlpiAgentController(GlpiAgentIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/api/v1/inventory/glpi-agent", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('INVENTORY_AGENT', 'ADMIN')")
	Map<String, Object> receive(HttpServletRequest request, @AuthenticationPrincipal EntenteUser user) throws IOException {
		return intake.handle(GlpiPayload.read(request.getInputStream(), request.getContentType()), user.getUsername());
	}
}
