package org.entente.convention.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.HolidayCalendar;
import org.entente.convention.Area;
import org.entente.convention.CalendarRules;
import org.entente.convention.Cell;
import org.entente.convention.Component;
import org.entente.convention.Condition;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFileException;
import org.entente.convention.ConventionFileException.Fault;
import org.entente.convention.Domain;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Lifecycle;
import org.entente.convention.NamingRule;
import org.entente.convention.Network;
import org.entente.convention.Party;
import org.entente.convention.PointToClarify;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a convention file and checks everything the code relies on. Every fault carries the file, the line and the
 * path in the document, so that whoever edits an amendment can fix it without reading Java. Parsing goes through
 * SnakeYAML's node tree (which keeps line numbers), then Jackson binds the plain values to records.
 */
public final class ConventionParser {

	static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
		.build();

	private static final Set<String> CONDITION_KEYS = Set.of("funding", "network", "sharedBetweenNetworks");

	private final String file;
	private final Node root;
	private final List<Fault> faults = new ArrayList<>();

	private ConventionParser(String file, Node root) {
		this.file = file;
		this.root = root;
	}

	/** Parses and validates; throws {@link ConventionFileException} listing every fault found. */
	public static Convention parse(String file, byte[] content) {
		if (content.length > MAX_FILE_BYTES) {
			throw single(file, 1, "le fichier dépasse " + MAX_FILE_BYTES / 1024 + " Kio");
		}
		String text = decode(file, content);
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(20);
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
			throw single(file, line, "YAML mal formé : " + e.getProblem());
		}
		catch (YAMLException e) {
			throw single(file, 1, "YAML illisible : " + e.getMessage());
		}
		if (!(root instanceof MappingNode)) {
			throw single(file, 1, "le document doit être une table de clés (id, version, domains, …)");
		}
		return new ConventionParser(file, root).read(sha256(content));
	}

	private static String decode(String file, byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw single(file, 1, "le fichier n'est pas encodé en UTF-8");
		}
	}

	private static ConventionFileException single(String file, int line, String message) {
		return new ConventionFileException(List.of(new Fault(file, line, "", message)));
	}

	private Convention read(String sha256) {
		Object plain = toPlain(root, new ArrayList<>());
		failIfFaults();
		ConventionFile dto;
		try {
			dto = MAPPER.convertValue(plain, ConventionFile.class);
		}
		catch (JacksonException e) {
			List<Object> path = new ArrayList<>(e.getPath().stream()
				.map(r -> r.getPropertyName() != null ? (Object) r.getPropertyName() : (Object) r.getIndex())
				.toList());
			// A bad map key (an unknown column) is reported on the map; point at the key itself.
			if (e instanceof InvalidFormatException f && f.getValue() instanceof String key
					&& !path.isEmpty() && !key.equals(path.get(path.size() - 1)) && hasKey(path, key)) {
				path.add(key);
			}
			fault(path, describe(e));
			throw new ConventionFileException(faults);
		}
		Convention convention = build(dto, sha256);
		failIfFaults();
		return convention;
	}

	private void failIfFaults() {
		if (!faults.isEmpty()) {
			throw new ConventionFileException(faults);
		}
	}

	private static String describe(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException u) {
			return "clé inconnue « " + u.getPropertyName() + " »";
		}
		if (e instanceof InvalidFormatException f) {
			if (f.getTargetType() != null && f.getTargetType().isEnum()) {
				return "valeur « " + f.getValue() + " » inconnue ; valeurs possibles : "
						+ Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
			}
			return "valeur « " + f.getValue() + " » invalide (attendu : " + simpleName(f.getTargetType()) + ")";
		}
		return "valeur invalide : " + e.getOriginalMessage();
	}

	private static String simpleName(Class<?> type) {
		return type == null ? "?" : type.getSimpleName();
	}

	/** Node tree to maps, lists and strings; Jackson coerces the strings to the record types. */
	private Object toPlain(Node node, List<Object> path) {
		if (node instanceof MappingNode mapping) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
					faults.add(new Fault(file, line(tuple.getKeyNode()), render(path), "clé non scalaire"));
					continue;
				}
				List<Object> child = new ArrayList<>(path);
				child.add(key.getValue());
				if (map.containsKey(key.getValue())) {
					faults.add(new Fault(file, line(key), render(child), "clé « " + key.getValue() + " » en double"));
				}
				map.put(key.getValue(), toPlain(tuple.getValueNode(), child));
			}
			return map;
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < sequence.getValue().size(); i++) {
				List<Object> child = new ArrayList<>(path);
				child.add(i);
				list.add(toPlain(sequence.getValue().get(i), child));
			}
			return list;
		}
		ScalarNode scalar = (ScalarNode) node;
		String value = scalar.getValue();
		boolean plainStyle = scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
		if (plainStyle && (value.isEmpty() || value.equals("~") || value.equals("null"))) {
			return null;
		}
		return value;
	}

	// ---------------------------------------------------------------- building and checking

	private Convention build(ConventionFile f, String sha256) {
		required(f.id(), List.of("id"));
		required(f.version(), List.of("version"));
		required(f.title(), List.of("title"));
		required(f.clause(), List.of("clause"));
		if (f.validFrom() == null || f.validTo() == null) {
			fault(List.of(f.validFrom() == null ? "validFrom" : "validTo"), "date manquante");
		}
		else if (!f.validFrom().isBefore(f.validTo())) {
			fault(List.of("validTo"), "la fin (" + f.validTo() + ") précède le début (" + f.validFrom() + ")");
		}
		if (f.renewal() == null) {
			fault(List.of(), "section « renewal » manquante");
		}
		else {
			required(f.renewal().clause(), List.of("renewal", "clause"));
		}
		if (f.termination() == null) {
			fault(List.of(), "section « termination » manquante");
		}
		else {
			required(f.termination().clause(), List.of("termination", "clause"));
		}
		Set<String> parties = checkParties(f.parties());
		Map<String, ConventionFile.ComponentEntry> entries = new LinkedHashMap<>();
		Map<String, Area> areas = new LinkedHashMap<>();
		List<ConventionFile.DomainEntry> domains = nonNull(f.domains());
		if (domains.isEmpty()) {
			fault(List.of("domains"), "aucun domaine : la matrice est vide");
		}
		for (int d = 0; d < domains.size(); d++) {
			ConventionFile.DomainEntry domain = domains.get(d);
			List<Object> dPath = List.of("domains", d);
			required(domain.name(), append(dPath, "name"));
			required(domain.section(), append(dPath, "section"));
			if (domain.area() == null) {
				fault(append(dPath, "area"), "area manquante (POLICY, OUTSIDE ou IN_ESTABLISHMENT)");
				continue;
			}
			List<ConventionFile.ComponentEntry> components = nonNull(domain.components());
			for (int c = 0; c < components.size(); c++) {
				checkComponent(components.get(c), domain.area(), append(dPath, "components", c), parties, entries, areas);
			}
		}
		List<Domain> builtDomains = new ArrayList<>();
		Map<String, Component> components = new LinkedHashMap<>();
		for (int d = 0; d < domains.size(); d++) {
			ConventionFile.DomainEntry domain = domains.get(d);
			List<Component> built = new ArrayList<>();
			List<ConventionFile.ComponentEntry> list = nonNull(domain.components());
			for (int c = 0; c < list.size(); c++) {
				Component component = buildComponent(list.get(c), domain, append(List.of("domains", d, "components"), c),
						entries, parties);
				if (component != null) {
					built.add(component);
					components.putIfAbsent(component.code(), component);
				}
			}
			builtDomains.add(new Domain(domain.name(), domain.area(), domain.section(), List.copyOf(built)));
		}
		List<PointToClarify> points = checkPoints(f.pointsToClarify(), entries.keySet());
		checkCalendar(f);
		checkServiceLevels(f, entries.keySet(), parties);
		checkOthers(f, parties, entries.keySet(), points);
		Lifecycle lifecycle = new Lifecycle(f.validFrom(), f.validTo(), f.clause(), f.renewal(), f.termination(),
				f.amendment());
		return new Convention(f.id(), f.version(), f.title(), lifecycle, nonNull(f.parties()), List.copyOf(builtDomains),
				java.util.Collections.unmodifiableMap(components), points, f.calendar(), f.serviceLevels(),
				f.securityIncidents(), f.dataProtection(), f.finance(), nonNull(f.committees()),
				checkNaming(f.naming(), entries.keySet()), file, sha256);
	}

	/** The optional naming rules: known components, a compiling pattern, an example that matches it. */
	private List<NamingRule> checkNaming(List<ConventionFile.NamingEntry> list, Set<String> components) {
		List<NamingRule> rules = new ArrayList<>();
		Set<String> kinds = new HashSet<>();
		List<ConventionFile.NamingEntry> entries = nonNull(list);
		for (int i = 0; i < entries.size(); i++) {
			ConventionFile.NamingEntry n = entries.get(i);
			List<Object> path = List.of("naming", i);
			if (n.kind() == null || !n.kind().matches("[A-Z][A-Z0-9_]*")) {
				fault(append(path, "kind"), "type de règle manquant ou mal formé (MAJUSCULES)");
			}
			else if (!kinds.add(n.kind())) {
				fault(append(path, "kind"), "règle « " + n.kind() + " » déclarée deux fois");
			}
			required(n.label(), append(path, "label"));
			required(n.clause(), append(path, "clause"));
			required(n.example(), append(path, "example"));
			if (n.appliesTo() == null || n.appliesTo().isEmpty()) {
				fault(append(path, "appliesTo"), "au moins un composant est attendu");
			}
			else {
				n.appliesTo().stream().filter(c -> !components.contains(c)).sorted()
					.forEach(c -> fault(append(path, "appliesTo"), "composant « " + c + " » inconnu"));
			}
			if (n.pattern() == null || n.pattern().isBlank()) {
				fault(append(path, "pattern"), "« pattern » manquant");
				continue;
			}
			NamingRule rule = new NamingRule(n.kind(), n.label(), n.pattern(), n.example(),
					n.appliesTo() == null ? Set.of() : Set.copyOf(n.appliesTo()),
					n.exemptNetworks() == null ? Set.of() : Set.copyOf(n.exemptNetworks()), n.clause());
			try {
				if (n.example() != null && !rule.compile(null).matcher(n.example()).matches()) {
					fault(append(path, "example"), "l'exemple « " + n.example() + " » ne respecte pas le motif");
				}
			}
			catch (java.util.regex.PatternSyntaxException e) {
				fault(append(path, "pattern"), "expression régulière invalide : " + e.getDescription());
				continue;
			}
			rules.add(rule);
		}
		return List.copyOf(rules);
	}

	private Set<String> checkParties(List<Party> list) {
		Set<String> codes = new HashSet<>();
		List<Party> parties = nonNull(list);
		if (parties.isEmpty()) {
			fault(List.of("parties"), "aucune partie déclarée");
		}
		for (int i = 0; i < parties.size(); i++) {
			Party party = parties.get(i);
			if (party.code() == null || !party.code().matches("[A-Z][A-Z0-9_]*")) {
				fault(List.of("parties", i, "code"), "code de partie manquant ou mal formé (MAJUSCULES)");
			}
			else if (!codes.add(party.code())) {
				fault(List.of("parties", i, "code"), "partie « " + party.code() + " » déclarée deux fois");
			}
			required(party.name(), List.of("parties", i, "name"));
		}
		return codes;
	}

	private void checkComponent(ConventionFile.ComponentEntry entry, Area area, List<Object> path, Set<String> parties,
			Map<String, ConventionFile.ComponentEntry> entries, Map<String, Area> areas) {
		if (entry.code() == null || !entry.code().matches("[A-Z][A-Z0-9_]*")) {
			fault(append(path, "code"), "code de composant manquant ou mal formé (MAJUSCULES_SOULIGNÉS)");
			return;
		}
		if (entries.containsKey(entry.code())) {
			fault(append(path, "code"), "composant « " + entry.code() + " » en double");
			return;
		}
		entries.put(entry.code(), entry);
		areas.put(entry.code(), area);
		required(entry.label(), append(path, "label"));
		required(entry.clause(), append(path, "clause"));
		Map<InterventionKind, Object> cells = entry.responsibilities() == null ? Map.of() : entry.responsibilities();
		for (InterventionKind kind : cells.keySet()) {
			if (!area.kinds().contains(kind)) {
				fault(append(path, "responsibilities", kind.name()), "la colonne " + kind + " n'existe pas dans un tableau "
						+ area + " (colonnes : " + area.kinds() + ")");
			}
		}
		for (InterventionKind kind : area.kinds()) {
			if (!cells.containsKey(kind)) {
				fault(append(path, "responsibilities"), "colonne " + kind + " manquante (une cellule vide s'écrit [])");
			}
		}
		List<ConventionFile.ConditionEntry> conditions = nonNull(entry.conditions());
		for (int i = 0; i < conditions.size(); i++) {
			checkCondition(conditions.get(i), area, append(path, "conditions", i), parties);
		}
	}

	private void checkCondition(ConventionFile.ConditionEntry condition, Area area, List<Object> path, Set<String> parties) {
		required(condition.text(), append(path, "text"));
		required(condition.clause(), append(path, "clause"));
		if (condition.kinds() == null || condition.kinds().isEmpty()) {
			fault(append(path, "kinds"), "la condition ne dit pas à quelles colonnes elle s'applique");
		}
		else {
			condition.kinds().stream().filter(k -> !area.kinds().contains(k))
				.forEach(k -> fault(append(path, "kinds"), "la colonne " + k + " n'existe pas dans un tableau " + area));
		}
		checkPartyList(condition.parties(), append(path, "parties"), parties, false);
		Map<String, Object> when = condition.when() == null ? Map.of() : condition.when();
		for (var e : when.entrySet()) {
			List<Object> wPath = append(path, "when", e.getKey());
			if (!CONDITION_KEYS.contains(e.getKey())) {
				fault(wPath, "critère « " + e.getKey() + " » inconnu ; critères possibles : " + CONDITION_KEYS);
				continue;
			}
			for (Object value : values(e.getValue())) {
				String v = String.valueOf(value);
				boolean ok = switch (e.getKey()) {
					case "funding" -> isEnum(Funding.class, v);
					case "network" -> isEnum(Network.class, v);
					default -> v.equals("true") || v.equals("false");
				};
				if (!ok) {
					fault(wPath, "valeur « " + v + " » inconnue pour " + e.getKey());
				}
			}
		}
	}

	private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
		return Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value));
	}

	private static Collection<?> values(Object value) {
		return value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
	}

	/** Checks a list of party codes; returns the codes or null when it is not a list of declared parties. */
	private List<String> checkPartyList(Object value, List<Object> path, Set<String> parties, boolean allowEmpty) {
		if (!(value instanceof List<?> list)) {
			fault(path, "une liste de parties est attendue, par exemple [CD] ou [] pour une cellule vide");
			return null;
		}
		if (list.isEmpty() && !allowEmpty) {
			fault(path, "au moins une partie est attendue");
		}
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String code = String.valueOf(list.get(i));
			if (!parties.contains(code)) {
				fault(append(path, i), "partie « " + code + " » inconnue ; parties déclarées : " + parties);
			}
			else if (codes.contains(code)) {
				fault(append(path, i), "partie « " + code + " » répétée");
			}
			codes.add(code);
		}
		return codes;
	}

	private Component buildComponent(ConventionFile.ComponentEntry entry, ConventionFile.DomainEntry domain,
			List<Object> path, Map<String, ConventionFile.ComponentEntry> entries, Set<String> parties) {
		if (domain.area() == null || entry.code() == null || entries.get(entry.code()) != entry) {
			return null;
		}
		Map<InterventionKind, Cell> cells = new EnumMap<>(InterventionKind.class);
		Map<InterventionKind, Object> raw = entry.responsibilities() == null ? Map.of() : entry.responsibilities();
		for (InterventionKind kind : domain.area().kinds()) {
			if (!raw.containsKey(kind)) {
				continue;
			}
			List<Object> cPath = append(path, "responsibilities", kind.name());
			Object value = raw.get(kind);
			if (value instanceof Map<?, ?> ref) {
				Object see = ref.get("see");
				if (see == null || ref.size() != 1) {
					fault(cPath, "un renvoi s'écrit { see: CODE }");
					continue;
				}
				ConventionFile.ComponentEntry target = entries.get(String.valueOf(see));
				if (target == null) {
					fault(append(cPath, "see"), "renvoi vers le composant « " + see + " » inconnu");
					continue;
				}
				Object targetCell = target.responsibilities() == null ? null : target.responsibilities().get(kind);
				if (!(targetCell instanceof List<?>)) {
					fault(append(cPath, "see"), "le composant « " + see + " » n'a pas de cellule " + kind
							+ " qui nomme des parties");
					continue;
				}
				List<String> codes = checkPartyList(targetCell, cPath, parties, true);
				cells.put(kind, new Cell(codes == null ? List.of() : List.copyOf(codes), target.code()));
			}
			else {
				List<String> codes = checkPartyList(value, cPath, parties, true);
				cells.put(kind, new Cell(codes == null ? List.of() : List.copyOf(codes), null));
			}
		}
		List<Condition> conditions = nonNull(entry.conditions()).stream().map(c -> new Condition(
				enumSet(Funding.class, c.when(), "funding"), enumSet(Network.class, c.when(), "network"),
				c.when() == null || c.when().get("sharedBetweenNetworks") == null ? null
						: Boolean.valueOf(String.valueOf(c.when().get("sharedBetweenNetworks"))),
				c.kinds() == null ? Set.of() : Set.copyOf(c.kinds()), nonNull(c.parties()), c.text(), c.clause()))
			.toList();
		return new Component(entry.code(), entry.label(), domain.name(), domain.area(), domain.section(), entry.clause(),
				entry.networks() == null ? Set.of() : Set.copyOf(entry.networks()), nonNull(entry.keywords()),
				java.util.Collections.unmodifiableMap(cells), nonNull(entry.notes()), conditions);
	}

	private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Map<String, Object> when, String key) {
		if (when == null) {
			return Set.of();
		}
		return values(when.get(key)).stream()
			.map(String::valueOf)
			.filter(v -> isEnum(type, v))
			.map(v -> Enum.valueOf(type, v))
			.collect(Collectors.toUnmodifiableSet());
	}

	private List<PointToClarify> checkPoints(List<PointToClarify> list, Set<String> components) {
		List<PointToClarify> points = nonNull(list);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < points.size(); i++) {
			PointToClarify p = points.get(i);
			List<Object> path = List.of("pointsToClarify", i);
			if (p.id() == null || !ids.add(p.id())) {
				fault(append(path, "id"), p.id() == null ? "identifiant manquant" : "identifiant « " + p.id() + " » en double");
			}
			required(p.title(), append(path, "title"));
			required(p.clause(), append(path, "clause"));
			if (p.readings() == null || p.readings().size() < 2) {
				fault(append(path, "readings"), "au moins deux lectures sont attendues");
			}
			if (p.component() != null && !components.contains(p.component())) {
				fault(append(path, "component"), "composant « " + p.component() + " » inconnu");
			}
		}
		return points;
	}

	private void checkCalendar(ConventionFile f) {
		CalendarRules calendar = f.calendar();
		if (calendar == null) {
			fault(List.of(), "section « calendar » manquante");
			return;
		}
		checkCalendar(calendar, List.of("calendar"));
		if (calendar.partyCalendars() != null) {
			calendar.partyCalendars().forEach((party, c) -> checkCalendar(c, List.of("calendar", "partyCalendars", party)));
		}
	}

	private void checkCalendar(CalendarRules calendar, List<Object> path) {
		try {
			ZoneId.of(String.valueOf(calendar.zone()));
		}
		catch (DateTimeException e) {
			fault(append(path, "zone"), "fuseau horaire « " + calendar.zone() + " » inconnu");
		}
		if (calendar.holidays() == null || !isEnum(HolidayCalendar.class, calendar.holidays())) {
			fault(append(path, "holidays"), "calendrier de jours fériés « " + calendar.holidays() + " » inconnu (ex. FRANCE)");
		}
		if (calendar.workingDays() == null || calendar.workingDays().isEmpty()) {
			fault(append(path, "workingDays"), "aucun jour ouvré");
		}
		List<String> hours = nonNull(calendar.hours());
		if (hours.isEmpty()) {
			fault(append(path, "hours"), "aucune plage horaire ouvrée");
		}
		CalendarRules.Range previous = null;
		for (int i = 0; i < hours.size(); i++) {
			try {
				CalendarRules.Range range = CalendarRules.parseRange(hours.get(i));
				if (previous != null && !previous.to().isBefore(range.from()) && !previous.to().equals(range.from())) {
					fault(append(path, "hours", i), "les plages horaires doivent se suivre sans se chevaucher");
				}
				previous = range;
			}
			catch (RuntimeException e) {
				fault(append(path, "hours", i), "plage horaire « " + hours.get(i) + " » invalide (HH:mm-HH:mm)");
			}
		}
		List<CalendarRules.Closure> closures = nonNull(calendar.closures());
		for (int i = 0; i < closures.size(); i++) {
			CalendarRules.Closure c = closures.get(i);
			if (c.from() == null || c.to() == null || c.to().isBefore(c.from())) {
				fault(append(path, "closures", i), "fermeture sans dates valides (from ≤ to)");
			}
		}
	}

	private void checkServiceLevels(ConventionFile f, Set<String> components, Set<String> parties) {
		var levels = f.serviceLevels();
		if (levels == null) {
			fault(List.of(), "section « serviceLevels » manquante");
			return;
		}
		required(levels.clause(), List.of("serviceLevels", "clause"));
		var services = nonNull(levels.criticalServices());
		for (int i = 0; i < services.size(); i++) {
			var codes = nonNull(services.get(i).components());
			for (int j = 0; j < codes.size(); j++) {
				if (!components.contains(codes.get(j))) {
					fault(List.of("serviceLevels", "criticalServices", i, "components", j),
							"composant « " + codes.get(j) + " » inconnu");
				}
			}
		}
		var indicators = nonNull(levels.indicators());
		for (int i = 0; i < indicators.size(); i++) {
			var readers = indicators.get(i).readers();
			for (int j = 0; j < readers.size(); j++) {
				partyRef(readers.get(j), List.of("serviceLevels", "indicators", i, "readers", j), parties);
			}
		}
		var clocks = nonNull(levels.clocks());
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < clocks.size(); i++) {
			var clock = clocks.get(i);
			if (clock.code() == null || !codes.add(clock.code())) {
				fault(List.of("serviceLevels", "clocks", i, "code"), "code d'horloge manquant ou en double");
			}
			var bound = nonNull(clock.bindingFor());
			for (int j = 0; j < bound.size(); j++) {
				partyRef(bound.get(j), List.of("serviceLevels", "clocks", i, "bindingFor", j), parties);
			}
			if (clock.workingDays() == null || clock.workingDays().signum() <= 0) {
				fault(List.of("serviceLevels", "clocks", i, "workingDays"), "durée en jours ouvrés positive attendue");
			}
		}
	}

	private void checkOthers(ConventionFile f, Set<String> parties, Set<String> components, List<PointToClarify> points) {
		if (f.securityIncidents() != null) {
			checkSecurityIncidents(f.securityIncidents(), parties, components, points);
		}
		if (f.dataProtection() != null) {
			partyRef(f.dataProtection().controller(), List.of("dataProtection", "controller"), parties);
			var breach = f.dataProtection().breachNotification();
			if (breach != null) {
				List<Object> path = List.of("dataProtection", "breachNotification");
				if (breach.within() == null || breach.within().isNegative() || breach.within().isZero()) {
					fault(append(path, "within"), "délai de notification positif attendu (ex. PT48H)");
				}
				partyRef(breach.by(), append(path, "by"), parties);
				email(breach.to(), append(path, "to"));
				for (int i = 0; i < breach.reminders().size(); i++) {
					var r = breach.reminders().get(i);
					if (r == null || r.isNegative() || r.isZero() || (breach.within() != null && r.compareTo(breach.within()) >= 0)) {
						fault(append(path, "reminders", i), "rappel positif et plus court que le délai attendu (ex. PT24H)");
					}
				}
				if (breach.authority() != null && (breach.authority().within() == null || breach.authority().within().isNegative()
						|| breach.authority().within().isZero())) {
					fault(append(path, "authority", "within"), "délai positif attendu (ex. PT72H)");
				}
			}
		}
		var finance = f.finance();
		if (finance != null) {
			if (finance.pricePerPupil() == null || finance.pricePerPupil().signum() <= 0) {
				fault(List.of("finance", "pricePerPupil"), "prix par élève positif attendu");
			}
			if (finance.split() == null || finance.split().evolutiveMaintenance() == null || finance.split().investment() == null
					|| finance.split().evolutiveMaintenance().add(finance.split().investment()).compareTo(BigDecimal.ONE) != 0) {
				fault(List.of("finance", "split"), "la répartition doit totaliser 100 %");
			}
			if (finance.syntec() == null || finance.syntec().base() == null || finance.syntec().base().signum() <= 0) {
				fault(List.of("finance", "syntec"), "indice Syntec de base positif attendu");
			}
			if (finance.headcount() == null) {
				fault(List.of("finance"), "effectif (headcount) manquant");
			}
		}
		var committees = nonNull(f.committees());
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < committees.size(); i++) {
			var committee = committees.get(i);
			if (committee.code() == null || !codes.add(committee.code())) {
				fault(List.of("committees", i, "code"), "code de comité manquant ou en double");
			}
			if (committee.cadence() == null || committee.cadence().isZero() || committee.cadence().isNegative()) {
				fault(List.of("committees", i, "cadence"), "cadence attendue (ex. P3M)");
			}
			partyRef(committee.convenedBy(), List.of("committees", i, "convenedBy"), parties);
			var members = nonNull(committee.members());
			for (int j = 0; j < members.size(); j++) {
				partyRef(members.get(j).party(), List.of("committees", i, "members", j, "party"), parties);
			}
		}
	}

	/** Part 5: known parties and components, one catch-all perimeter at most, addresses and known points. */
	private void checkSecurityIncidents(org.entente.convention.SecurityIncidentRules rules, Set<String> parties,
			Set<String> components, List<PointToClarify> points) {
		Set<String> pointIds = points.stream().map(PointToClarify::id).collect(Collectors.toSet());
		var perimeters = rules.perimeters();
		int otherwise = 0;
		Set<String> placed = new HashSet<>();
		for (int i = 0; i < perimeters.size(); i++) {
			var p = perimeters.get(i);
			List<Object> path = List.of("securityIncidents", "perimeters", i);
			partyRef(p.handledBy(), append(path, "handledBy"), parties);
			required(p.handledBy(), append(path, "handledBy"));
			required(p.clause(), append(path, "clause"));
			otherwise += p.isOtherwise() ? 1 : 0;
			for (int j = 0; j < p.components().size(); j++) {
				String c = p.components().get(j);
				if (!components.contains(c)) {
					fault(append(path, "components", j), "composant « " + c + " » inconnu");
				}
				else if (!placed.add(c)) {
					fault(append(path, "components", j), "composant « " + c + " » déjà rangé dans un autre périmètre");
				}
			}
			for (int j = 0; j < p.inform().size(); j++) {
				var inform = p.inform().get(j);
				partyRef(inform.party(), append(path, "inform", j, "party"), parties);
				email(inform.email(), append(path, "inform", j, "email"));
				if (!"REPORTED".equals(inform.on()) && !"CLOSED".equals(inform.on())) {
					fault(append(path, "inform", j, "on"), "moment « " + inform.on() + " » inconnu : REPORTED ou CLOSED");
				}
			}
		}
		if (otherwise > 1) {
			fault(List.of("securityIncidents", "perimeters"), "un seul périmètre peut porter « otherwise: true »");
		}
		for (int i = 0; i < rules.undecided().size(); i++) {
			var u = rules.undecided().get(i);
			List<Object> path = List.of("securityIncidents", "undecided", i);
			for (int j = 0; j < u.components().size(); j++) {
				if (!components.contains(u.components().get(j))) {
					fault(append(path, "components", j), "composant « " + u.components().get(j) + " » inconnu");
				}
			}
			partyRef(u.provisionalHandler(), append(path, "provisionalHandler"), parties);
			required(u.provisionalHandler(), append(path, "provisionalHandler"));
			required(u.explanation(), append(path, "explanation"));
			if (u.point() != null && !pointIds.contains(u.point())) {
				fault(append(path, "point"), "point à clarifier « " + u.point() + " » inconnu");
			}
		}
		if (rules.spanning() != null && rules.spanning().point() != null && !pointIds.contains(rules.spanning().point())) {
			fault(List.of("securityIncidents", "spanning", "point"), "point à clarifier « " + rules.spanning().point() + " » inconnu");
		}
		if (rules.entryPoint() != null) {
			partyRef(rules.entryPoint().party(), List.of("securityIncidents", "entryPoint", "party"), parties);
			email(rules.entryPoint().email(), List.of("securityIncidents", "entryPoint", "email"));
		}
	}

	private void email(String value, List<Object> path) {
		if (value == null || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			fault(path, "adresse électronique « " + value + " » invalide");
		}
	}

	private void partyRef(String code, List<Object> path, Set<String> parties) {
		if (code != null && !parties.contains(code)) {
			fault(path, "partie « " + code + " » inconnue ; parties déclarées : " + parties);
		}
	}

	private void required(String value, List<Object> path) {
		if (value == null || value.isBlank()) {
			fault(path, "« " + path.get(path.size() - 1) + " » manquant");
		}
	}

	// ---------------------------------------------------------------- locating faults

	private void fault(List<Object> path, String message) {
		faults.add(new Fault(file, locate(path), render(path), message));
	}

	private boolean hasKey(List<Object> path, String key) {
		List<Object> withKey = new ArrayList<>(path);
		withKey.add(key);
		return locateNode(withKey) != locateNode(path);
	}

	/** The line of the deepest node the path reaches (1-based). */
	private int locate(List<Object> path) {
		return line(locateNode(path));
	}

	private Node locateNode(List<Object> path) {
		Node node = root;
		for (Object step : path) {
			Node next = null;
			if (node instanceof MappingNode mapping && step instanceof String key) {
				next = mapping.getValue().stream()
					.filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
					.map(NodeTuple::getValueNode)
					.findFirst()
					.orElse(null);
				if (next == null) {
					break;
				}
			}
			else if (node instanceof SequenceNode sequence && step instanceof Integer index
					&& index < sequence.getValue().size()) {
				next = sequence.getValue().get(index);
			}
			if (next == null) {
				break;
			}
			node = next;
		}
		return node;
	}

	private static int line(Node node) {
		return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
	}

	private static String render(List<Object> path) {
		StringBuilder b = new StringBuilder();
		for (Object step : path) {
			if (step instanceof Integer i) {
				b.append('[').append(i).append(']');
			}
			else {
				b.append(b.isEmpty() ? "" : ".").append(step);
			}
		}
		return b.toString();
	}

	private static List<Object> append(List<Object> path, Object... steps) {
		List<Object> result = new ArrayList<>(path);
		result.addAll(Arrays.asList(steps));
		return result;
	}

	private static <T> List<T> nonNull(List<T> list) {
		return list == null ? List.of() : list;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
