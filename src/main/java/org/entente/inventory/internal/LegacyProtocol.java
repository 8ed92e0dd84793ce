package org.entente.inventory.internal;

import org.entente.common.ProblemException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OCS / FusionInventory XML protocol as a GLPI 10 server speaks it. A {@code PROLOG} from GLPI Agent (it sends a
 * {@code GLPI-Agent-ID} header) gets GLPI's JSON answer, which tells the agent to switch to the native JSON protocol
 * ({@code contact}, {@code inventory}); a {@code PROLOG} from a FusionInventory agent gets the XML
 * {@code <PROLOG_FREQ>}/{@code <RESPONSE>SEND</RESPONSE>} that starts its inventory task. An XML {@code INVENTORY}
 * becomes the same message as a JSON {@code inventory} ({@code deviceid}, {@code content} with {@code bios},
 * {@code hardware}, {@code accountinfo}), so both agents go through one intake; an {@code SNMPQUERY} (netinventory) or a
 * {@code NETDISCOVERY} carries network devices, mapped by {@link NetworkDevices}.
 */
final class LegacyProtocol {

	/** GLPI's XML answer to a FusionInventory PROLOG: come back in 24 h, send the inventory now. */
	static final String PROLOG_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY><PROLOG_FREQ>"
			+ GlpiAgentIntake.EXPIRATION_HOURS + "</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>\n";

	/** The XML answer to an accepted XML inventory. */
	static final String INVENTORY_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REPLY></REPLY>\n";

	enum Query {
		PROLOG, INVENTORY, SNMPQUERY
	}

	private LegacyProtocol() {
	}

	static Query query(ObjectNode request) {
		String q = text(request, "query");
		if (q == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message invalide", "L'élément « QUERY » est absent (PROLOG ou INVENTORY attendu).");
		}
		return switch (q.toUpperCase(Locale.ROOT)) {
			case "PROLOG" -> Query.PROLOG;
			case "INVENTORY" -> Query.INVENTORY;
			case "SNMPQUERY", "NETINVENTORY", "NETDISCOVERY" -> Query.SNMPQUERY;
			default -> throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Requête non prise en charge", "QUERY « "
					+ (q.length() > 40 ? q.substring(0, 40) + "…" : q) + " » non prise en charge : Entente accepte PROLOG, INVENTORY, SNMPQUERY et NETDISCOVERY.");
		};
	}

	/** The JSON {@code inventory} message equivalent to an XML INVENTORY request. */
	static ObjectNode asJsonInventory(ObjectNode request) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("action", "inventory");
		String deviceId = text(request, "deviceid");
		if (deviceId != null) {
			message.put("deviceid", deviceId);
		}
		message.put("itemtype", "Computer");
		JsonNode content = request.get("content");
		if (content != null) {
			message.set("content", content);
		}
		return message;
	}

	/**
	 * The devices of an SNMPQUERY message ({@code CONTENT/DEVICE}, once or several times); none for the agent's own
	 * start and end messages ({@code CONTENT/AGENT}), which are only acknowledged.
	 */
	static java.util.List<JsonNode> devices(ObjectNode request) {
		JsonNode device = request.path("content").path("device");
		if (device.isArray()) {
			java.util.List<JsonNode> all = new java.util.ArrayList<>();
			device.forEach(all::add);
			return all;
		}
		return device.isObject() ? java.util.List.of(device) : java.util.List.of();
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString().strip();
	}
}
