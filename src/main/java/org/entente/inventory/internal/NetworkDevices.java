package org.entente.inventory.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.entente.inventory.InventoryNetwork;
import org.entente.inventory.internal.GlpiAgentIntake.Observed;
import tools.jackson.databind.JsonNode;

/**
 * Network devices that GLPI Agent's netdiscovery / netinventory tasks (SNMP) report, mapped to the convention's
 * components, since the Département manages the collèges' network infrastructure and keeps its spares and
 * warranties: switches and firewalls are « Éléments actifs », Wi-Fi access points « Bornes Wi-Fi », network printers
 * « Périphériques d'impression » of the pedagogical network (a person corrects an administrative one). Any other
 * device type (UPS, phone, storage…) is not inventoried but kept as a report.
 */
final class NetworkDevices {

	/** Words of a model or description that mean a Wi-Fi access point rather than a switch. */
	private static final Pattern WIFI = Pattern.compile("wireless|wi-?fi|access point|\\bap\\b|aironet|unifi|wlan", Pattern.CASE_INSENSITIVE);

	private NetworkDevices() {
	}

	/** A device of GLPI's JSON format ({@code content.network_device}, itemtype NetworkEquipment or Printer). */
	static Optional<Observed> observe(JsonNode device, String itemtype, String deviceId) {
		String type = "Printer".equals(itemtype) ? "PRINTER" : Optional.ofNullable(GlpiAgentIntake.text(device, "type")).orElse("NETWORKING");
		return of(type, deviceId, GlpiAgentIntake.text(device, "serial"), GlpiAgentIntake.text(device, "name"),
				GlpiAgentIntake.text(device, "manufacturer"), GlpiAgentIntake.text(device, "model"),
				GlpiAgentIntake.text(device, "description"));
	}

	/**
	 * A {@code DEVICE} of the SNMPQUERY XML ({@code INFO} with TYPE, SERIAL, MAC, NAME, MANUFACTURER, MODEL, COMMENTS)
	 * or of the NETDISCOVERY XML (the same facts at the device's top level, SNMPHOSTNAME and DESCRIPTION).
	 */
	static Optional<Observed> observeLegacy(JsonNode device) {
		JsonNode info = info(device);
		String identity = identity(info);
		if (identity == null) {
			return Optional.empty();
		}
		return of(Optional.ofNullable(GlpiAgentIntake.text(info, "type")).orElse(""), identity,
				GlpiAgentIntake.text(info, "serial"),
				Optional.ofNullable(GlpiAgentIntake.text(info, "name")).orElse(GlpiAgentIntake.text(info, "snmphostname")),
				GlpiAgentIntake.text(info, "manufacturer"), GlpiAgentIntake.text(info, "model"),
				Optional.ofNullable(GlpiAgentIntake.text(info, "comments")).orElse(GlpiAgentIntake.text(info, "description")));
	}

	/** Where a legacy device's facts are: under INFO (netinventory) or on the device itself (netdiscovery). */
	static JsonNode info(JsonNode device) {
		return device.has("info") ? device.path("info") : device;
	}

	/** The agent identity of an SNMP device: its serial, else its MAC address, as {@code snmp:…}; null if neither. */
	static String identity(JsonNode info) {
		String serial = GlpiAgentIntake.serial(GlpiAgentIntake.text(info, "serial"));
		String mac = GlpiAgentIntake.text(info, "mac");
		return serial != null ? "snmp:" + serial : mac != null ? "snmp:" + mac.toLowerCase(Locale.ROOT) : null;
	}

	private static Optional<Observed> of(String type, String deviceId, String serial, String name, String manufacturer,
			String model, String description) {
		String words = (model == null ? "" : model) + " " + (description == null ? "" : description) + " " + (name == null ? "" : name);
		String component = switch (type.toUpperCase(Locale.ROOT)) {
			case "NETWORKING" -> WIFI.matcher(words).find() ? "BORNES_WIFI" : "ELEMENTS_ACTIFS";
			case "PRINTER" -> "IMPRESSION_PEDAGOGIQUE";
			default -> null;
		};
		if (component == null) {
			return Optional.empty();
		}
		InventoryNetwork network = component.equals("IMPRESSION_PEDAGOGIQUE") ? InventoryNetwork.PEDAGOGICAL : InventoryNetwork.TECHNICAL;
		return Optional.of(new Observed(deviceId, GlpiAgentIntake.serial(serial), name, manufacturer, model, component, network));
	}
}
