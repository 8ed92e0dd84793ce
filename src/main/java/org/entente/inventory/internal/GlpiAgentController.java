package org.entente.inventory.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.entente.directory.EntenteUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The URL inventory agents are given ({@code server = https://…/api/v1/inventory/glpi-agent}, {@code tag = <UAI>},
 * {@code user}/{@code password} of an inventory-agent account). GLPI Agent speaks GLPI 10's JSON protocol (after a
 * first XML PROLOG on a server it has never met); FusionInventory agents speak the OCS XML protocol. Both are
 * answered as a GLPI 10 server answers them. Network devices (SNMP) carry no tag: give it in the URL,
 * {@code …/glpi-agent?tag=<UAI>}.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Inventaire", description = "Équipements, référentiel, catalogue, achats sur fonds propres, logiciels")
class GlpiAgentController {

	private final GlpiAgentIntake intake;
	private final AgentReports reports;

	GlpiAgentController(GlpiAgentIntake intake, AgentReports reports) {
		this.intake = intake;
		this.reports = reports;
	}

	/** What agents sent that is not inventoried (unknown item types, other SNMP devices), newest first. */
	@GetMapping(path = "/api/v1/inventory/agent-reports", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'CD_AGENT', 'ACA_AGENT')")
	@io.swagger.v3.oas.annotations.Operation(summary = "Rapports des agents d'inventaire",
			description = "Ce que les agents ont envoyé sans que ce soit inventorié (type inconnu, appareil SNMP d'un autre genre), le plus récent d'abord ; 200 au plus.")
	java.util.List<AgentReports.Report> reports(@RequestParam(name = "uai", required = false) String uai) {
		return reports.latest(uai == null || uai.isBlank() ? null : uai.trim().toUpperCase(java.util.Locale.ROOT), 200);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Recevoir l'inventaire d'un agent GLPI ou FusionInventory",
			description = "Le protocole natif des agents (PROLOG, CONTACT, INVENTORY, XML ou JSON, compressé ou non) ; compte d'agent d'inventaire.")
	@PostMapping(path = "/api/v1/inventory/glpi-agent")
	@PreAuthorize("hasAnyRole('INVENTORY_AGENT', 'ADMIN')")
	ResponseEntity<?> receive(HttpServletRequest request, @RequestParam(name = "tag", required = false) String tag,
			@AuthenticationPrincipal EntenteUser user) throws IOException {
		byte[] message = GlpiPayload.decode(request.getInputStream(), request.getContentType());
		if (!GlpiPayload.isXml(message)) {
			return json(intake.handle(GlpiPayload.json(message), tag, user));
		}
		ObjectNode xml = LegacyXml.read(message);
		return switch (LegacyProtocol.query(xml)) {
			case PROLOG -> request.getHeader("GLPI-Agent-ID") != null ? json(switchToJsonProtocol())
					: xml(LegacyProtocol.PROLOG_REPLY);
			case INVENTORY -> {
				intake.handle(LegacyProtocol.asJsonInventory(xml), tag, user);
				yield xml(LegacyProtocol.INVENTORY_REPLY);
			}
			case SNMPQUERY -> {
				intake.networkDevices(LegacyProtocol.devices(xml), tag, user);
				yield xml(LegacyProtocol.INVENTORY_REPLY);
			}
		};
	}

	/** What GLPI 10 answers a GLPI Agent's PROLOG: a JSON CONTACT answer, the sign that the native protocol is spoken. */
	private static Map<String, Object> switchToJsonProtocol() {
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("status", "ok");
		reply.put("expiration", GlpiAgentIntake.EXPIRATION_HOURS);
		return reply;
	}

	private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8)).body(body);
	}
}
