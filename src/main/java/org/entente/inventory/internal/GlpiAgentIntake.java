package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entente.convention.Funding;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Uai;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetInventoried;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.InventoryNetwork;
import org.entente.convention.Conventions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The GLPI 10 native inventory protocol, server side: {@code contact} gets the task list, {@code inventory} creates
 * or updates the asset matched by BIOS serial ({@code bios.ssn}) or agent device id. The agent's {@code tag} is the
 * establishment's UAI. The agent reports what it sees: it changes the observed fields (establishment, name, serial,
 * device id, manufacturer, model), never the component, network, funding or status that people set; a name that
 * breaks the naming rules is a warning in the report (the machine exists whatever its name).
 * <p>
 * About 350 lines: the protocol's two requests, the credential's scope checks and the matching rules read as one
 * exchange with the agent; each refusal is kept as an agent report next to the rule that gives it.
 */
@Service
public class GlpiAgentIntake {

	/** Hours before the agent contacts the server again (GLPI's default). */
	static final int EXPIRATION_HOURS = 24;

	/** Serial numbers that manufacturers leave in the BIOS and that identify nothing. */
	private static final Set<String> JUNK_SERIALS = Set.of("", "0", "00000000", "none", "n/a", "na", "default string",
			"to be filled by o.e.m.", "system serial number", "not specified", "not applicable", "123456789",
			"chassis serial number", "invalid");

	private final AssetRepository repository;
	private final AssetRules rules;
	private final Establishments establishments;
	private final ApplicationEventPublisher events;
	private final AgentReports reports;

	private final InventoryPermissions permissions;
	private final Conventions conventions;

	GlpiAgentIntake(AssetRepository repository, AssetRules rules, Establishments establishments,
			ApplicationEventPublisher events, AgentReports reports, InventoryPermissions permissions, Conventions conventions) {
		this.permissions = permissions;
		this.conventions = conventions;
		this.repository = repository;
		this.rules = rules;
		this.establishments = establishments;
		this.events = events;
		this.reports = reports;
	}

	/**
	 * @param urlTag the {@code tag} given in the server URL ({@code …/glpi-agent?tag=UAI}), used when the message has
	 *        none (network devices carry no tag); may be null
	 */
	@Transactional(noRollbackFor = Refused.class)
	public Map<String, Object> handle(JsonNode message, String urlTag, EntenteUser sender) {
		if (urlTag != null && message instanceof tools.jackson.databind.node.ObjectNode o && text(o, "tag") == null
				&& accountTag(o) == null) {
			o.put("tag", urlTag);
		}
		String action = text(message, "action");
		if (action == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message invalide", "Le champ « action » est absent (contact ou inventory attendu).");
		}
		return switch (action) {
			case "contact" -> contact(message, sender);
			case "inventory" -> inventory(message, sender);
			default -> throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Action non prise en charge",
					"Action « " + truncate(action, 40) + " » non prise en charge : Entente accepte contact et inventory.");
		};
	}

	private Map<String, Object> contact(JsonNode message, EntenteUser sender) {
		establishment(message, sender);
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("status", "ok");
		reply.put("expiration", EXPIRATION_HOURS);
		List<Map<String, String>> params = List.of("hardware", "bios", "os", "cpu", "memory", "network", "drive")
			.stream().map(c -> Map.of("category", c)).toList();
		reply.put("tasks", Map.of("inventory", Map.of("server", "entente", "version", "1", "params", params)));
		return reply;
	}

	/**
	 * What an agent observed of one device, whatever its protocol: its identity (serial, agent device id), its name,
	 * maker and model, and the component and network a new asset of that kind gets until a person corrects them.
	 */
	record Observed(String deviceId, String serial, String name, String manufacturer, String model, String newComponent,
			InventoryNetwork newNetwork) {
	}

	private Map<String, Object> inventory(JsonNode message, EntenteUser sender) {
		String by = sender.getUsername();
		String deviceId = text(message, "deviceid");
		if (deviceId == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message invalide", "Le champ « deviceid » est absent.");
		}
		JsonNode content = message.get("content");
		if (content == null || !content.isObject()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message invalide", "Le champ « content » (objet) est absent.");
		}
		String itemtype = Optional.ofNullable(text(message, "itemtype")).orElse("Computer");
		Establishment establishment = establishment(message, sender);
		Optional<Observed> observed = switch (itemtype) {
			case "Computer" -> Optional.of(computer(deviceId, content));
			case "NetworkEquipment", "Printer" -> NetworkDevices.observe(content.path("network_device"), itemtype, deviceId);
			default -> Optional.empty();
		};
		if (observed.isEmpty()) {
			return unknownItem(establishment, itemtype, deviceId, content, by);
		}
		return record(establishment, observed.get(), sender, content);
	}

	/** The devices of one SNMPQUERY message (GLPI Agent's netinventory, FusionInventory's snmpquery), in one transaction. */
	@Transactional(noRollbackFor = Refused.class)
	public List<Map<String, Object>> networkDevices(List<JsonNode> devices, String tag, EntenteUser sender) {
		return devices.stream().map(d -> networkDevice(d, tag, sender)).toList();
	}

	private Map<String, Object> networkDevice(JsonNode device, String tagOrNull, EntenteUser sender) {
		String by = sender.getUsername();
		Establishment establishment = establishment(tagMessage(tagOrNull), sender);
		JsonNode info = NetworkDevices.info(device);
		String type = text(info, "type");
		Optional<Observed> observed = NetworkDevices.observeLegacy(device);
		if (observed.isEmpty()) {
			return unknownItem(establishment, "SNMP " + (type == null ? "?" : truncate(type, 40)),
					Optional.ofNullable(NetworkDevices.identity(info)).orElse(Optional.ofNullable(text(info, "ip")).orElse("?")), device, by);
		}
		return record(establishment, observed.get(), sender, device);
	}

	private static JsonNode tagMessage(String tag) {
		tools.jackson.databind.node.ObjectNode m = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		if (tag != null) {
			m.put("tag", tag);
		}
		return m;
	}

	/** An item type Entente does not inventory: kept as a report for a person to look at, never silently dropped. */
	private Map<String, Object> unknownItem(Establishment establishment, String itemtype, String deviceId, JsonNode content,
			String by) {
		long report = reports.record(establishment.uai().value(), itemtype, deviceId, content, by, Instant.now());
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("status", "ok");
		reply.put("expiration", EXPIRATION_HOURS);
		reply.put("entente", Map.of("report", report, "warnings", List.of("type « " + truncate(itemtype, 40)
				+ " » non inventorié : gardé en rapport n° " + report + " pour qu'une personne décide")));
		return reply;
	}

	private static Observed computer(String deviceId, JsonNode content) {
		JsonNode hardware = content.path("hardware");
		JsonNode bios = content.path("bios");
		String chassis = Optional.ofNullable(text(hardware, "chassis_type")).orElse("").toLowerCase(Locale.ROOT);
		return new Observed(deviceId, serial(text(bios, "ssn")), text(hardware, "name"),
				Optional.ofNullable(text(bios, "smanufacturer")).orElse(text(bios, "mmanufacturer")), text(bios, "smodel"),
				chassis.contains("tablet") ? "TABLETTES" : "STATIONS_PEDAGOGIQUES", InventoryNetwork.PEDAGOGICAL);
	}

	/**
	 * An inventory the agent may not apply: a matched asset in another establishment (an agent never moves an asset),
	 * or one its party does not manage. Kept as a report for a person to decide; the asset is left as it was.
	 */
	static final class Refused extends ProblemException {

		Refused(HttpStatus status, String type, String title, String detail) {
			super(status, type, title, detail);
		}
	}

	private Refused refused(HttpStatus status, String title, String why, Establishment establishment, Observed seen,
			JsonNode content, String by) {
		long report = reports.record(establishment.uai().value(), "REFUSE " + truncate(seen.newComponent(), 40),
				seen.deviceId() == null ? "?" : seen.deviceId(), content, by, Instant.now());
		return new Refused(status, status == HttpStatus.FORBIDDEN ? "forbidden" : "conflict", title,
				why + " : l'équipement est laissé tel quel, rapport n° " + report + " pour qu'une personne décide.");
	}

	private Map<String, Object> record(Establishment establishment, Observed seen, EntenteUser sender, JsonNode content) {
		String by = sender.getUsername();
		String deviceId = seen.deviceId();
		String serial = seen.serial();
		String name = seen.name();
		String manufacturer = seen.manufacturer();
		String model = seen.model();
		Optional<Asset> bySerial = serial == null ? Optional.empty() : repository.findBySerial(serial);
		Optional<Asset> byDevice = repository.findByDeviceId(deviceId);
		Asset before = bySerial.or(() -> byDevice).orElse(null);
		List<String> warnings = new ArrayList<>();
		String keepDevice = deviceId;
		if (before != null && byDevice.isPresent() && byDevice.get().id() != before.id()) {
			warnings.add("l'identifiant d'agent « " + deviceId + " » est déjà celui de l'équipement " + byDevice.get().id()
					+ " : non repris");
			keepDevice = before.data().deviceId();
		}
		String uai = establishment.uai().value();
		if (before != null && !uai.equals(before.data().uai())) {
			throw refused(HttpStatus.CONFLICT, "Équipement d'un autre établissement", "Le numéro de série ou l'identifiant d'agent"
					+ " de cet appareil est celui d'un équipement inventorié dans un autre établissement ; un inventaire d'agent"
					+ " ne déplace pas un équipement", establishment, seen, content, by);
		}
		if (before != null && sender.party() != null && !sender.party().equals(permissions.manager(before.data().component(),
				before.data().network(), before.data().funding()))) {
			throw refused(HttpStatus.FORBIDDEN, "Équipement d'une autre partie", "Cet équipement (" + before.data().component()
					+ ", " + before.data().network() + ") n'est pas géré par la partie de cet agent (" + sender.party() + ")",
					establishment, seen, content, by);
		}
		AssetData data;
		if (before == null) {
			data = new AssetData(uai, seen.newComponent(), seen.newNetwork(), name, serial, deviceId, manufacturer, model,
					Funding.CD, null, null, AssetStatus.IN_SERVICE, null, null, null);
		}
		else {
			AssetData b = before.data();
			data = new AssetData(uai, b.component(), b.network(), name == null ? b.name() : name,
					serial == null ? b.serial() : serial, keepDevice, manufacturer == null ? b.manufacturer() : manufacturer,
					model == null ? b.model() : model, b.funding(), b.acquired(), b.warrantyEnd(), b.status(), b.building(),
					b.room(), b.socket(), b.sharedBetweenNetworks());
		}
		List<FieldProblem> problems = rules.checkFields(data, u -> u.equals(uai) ? Optional.of(establishment) : establishments.find(u));
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		rules.naming(data).ifPresent(p -> warnings.add(p.message()));
		Instant now = Instant.now();
		long id;
		List<AssetChange> changes;
		if (before == null) {
			id = repository.insert(data, by, now);
			changes = List.of();
		}
		else {
			id = before.id();
			changes = AssetChange.between(id, before.data(), data, by, "GLPI", now);
			if (!changes.isEmpty()) {
				if (!repository.update(id, before.version(), data, by, now)) {
					throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Modification concurrente", "L'équipement a changé pendant l'inventaire ; l'agent réessaiera.");
				}
				repository.recordChanges(changes);
			}
		}
		events.publishEvent(new AssetInventoried(id, uai, data.component(), before == null,
				changes.stream().map(AssetChange::field).toList(), permissions.manager(data.component(), data.network(), data.funding()),
				conventions.current().version(), now));
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("asset", id);
		report.put("created", before == null);
		report.put("changes", changes.stream().map(c -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("field", c.field());
			m.put("before", c.before());
			m.put("after", c.after());
			return m;
		}).toList());
		report.put("warnings", warnings);
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("status", "ok");
		reply.put("expiration", EXPIRATION_HOURS);
		reply.put("entente", report);
		return reply;
	}

	/** FusionInventory and the OCS XML give the tag as ACCOUNTINFO (KEYNAME TAG), once or among several. */
	private static String accountTag(JsonNode message) {
		JsonNode info = message.path("content").path("accountinfo");
		for (JsonNode entry : info.isArray() ? info : List.of(info)) {
			if (entry.isObject() && "TAG".equalsIgnoreCase(text(entry, "keyname"))) {
				return text(entry, "keyvalue");
			}
		}
		return null;
	}

	/** The establishment the message is for: its tag, which must be the sender's own when its credential names one. */
	private Establishment establishment(JsonNode message, EntenteUser sender) {
		Establishment e = establishment(message);
		if (sender.establishment() != null && !sender.establishment().equals(e.uai().value())) {
			throw ProblemException.forbidden("Cet identifiant d'agent est celui de l'établissement " + sender.establishment()
					+ " : il n'envoie pas l'inventaire de « " + e.uai().value() + " » (tag de l'agent à corriger).");
		}
		return e;
	}

	private Establishment establishment(JsonNode message) {
		String tag = text(message, "tag");
		if (tag == null) {
			tag = accountTag(message);
		}
		if (tag == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Établissement inconnu",
					"Le champ « tag » est absent : configurez l'agent avec tag = UAI de l'établissement.");
		}
		String uai = tag.trim().toUpperCase(Locale.ROOT);
		String problem = Uai.problem(uai);
		if (problem != null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Établissement inconnu", "Le tag « " + truncate(tag, 20)
					+ " » n'est pas un UAI valide : " + problem + ".");
		}
		Establishment e = establishments.find(uai).orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input",
				"Établissement inconnu", "Aucun établissement n'a l'UAI « " + uai + " »."));
		if (!e.kind().coveredByConvention()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Établissement hors convention",
					"« " + e.name() + " » est une cité scolaire, hors convention : son inventaire n'est pas tenu ici.");
		}
		return e;
	}

	static String serial(String ssn) {
		if (ssn == null) {
			return null;
		}
		String s = ssn.strip();
		return JUNK_SERIALS.contains(s.toLowerCase(Locale.ROOT)) || s.chars().allMatch(c -> c == '0' || c == 'F' || c == 'f') ? null : s;
	}

	static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		if (v == null || v.isNull() || v.isContainer()) {
			return null;
		}
		String s = v.asString().strip();
		return s.isEmpty() ? null : s;
	}

	static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max) + "…";
	}
}
