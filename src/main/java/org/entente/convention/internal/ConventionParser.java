package org.entente.convention.internal;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.common.Wording;
import org.entente.convention.Area;
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
import org.entente.convention.Network;
import org.entente.convention.PointToClarify;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
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
 *
 * <p>Three jobs, three places: {@link ConventionYaml} locates lines in the YAML, {@link MatrixChecks} and
 * {@link SectionChecks} check the sections, and this class reads the file and builds the model.
 */
public final class ConventionParser extends YamlChecks {

	static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
		.build();

	private final MatrixChecks matrix;
	private final SectionChecks sections;

	private final ExtensionChecks extensions;

	private ConventionParser(ConventionYaml yaml) {
		super(yaml);
		this.matrix = new MatrixChecks(yaml);
		this.sections = new SectionChecks(yaml);
		this.extensions = new ExtensionChecks(yaml);
	}

	/** Parses and validates; throws {@link ConventionFileException} listing every fault found. */
	public static Convention parse(String file, byte[] content) {
		if (content.length > MAX_FILE_BYTES) {
			throw single(file, 1, Wording.of("convention.fault.tooLarge", String.valueOf(MAX_FILE_BYTES / 1024)));
		}
		String text = decode(file, content);
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(20);
			options.setNestingDepthLimit(MAX_DEPTH);
			options.setCodePointLimit(MAX_FILE_BYTES);
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
			throw single(file, line, Wording.of("convention.fault.malformed", String.valueOf(e.getProblem())));
		}
		catch (YAMLException e) {
			String message = String.valueOf(e.getMessage());
			throw single(file, message.contains("Nesting Depth exceeded") ? tooDeepAt(text) : 1, bound(message));
		}
		if (!(root instanceof MappingNode)) {
			throw single(file, 1, Wording.of("convention.fault.notMapping"));
		}
		return new ConventionParser(new ConventionYaml(file, root)).read(sha256(content));
	}

	static final int MAX_DEPTH = 40;

	/** The line where nesting goes beyond {@link #MAX_DEPTH}, found from the events, which are read without recursion. */
	private static int tooDeepAt(String text) {
		LoaderOptions unbounded = new LoaderOptions();
		unbounded.setNestingDepthLimit(Integer.MAX_VALUE);
		unbounded.setCodePointLimit(MAX_FILE_BYTES);
		int depth = 0;
		try {
			for (org.yaml.snakeyaml.events.Event event : new Yaml(unbounded).parse(new StringReader(text))) {
				if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > MAX_DEPTH) {
					return event.getStartMark() == null ? 1 : event.getStartMark().getLine() + 1;
				}
				if (event instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
					depth--;
				}
			}
		}
		catch (YAMLException e) {
			// the line stays unknown
		}
		return 1;
	}

	/**
	 * SnakeYAML's limits (aliases, nesting, size), in the reader's words; anything else in SnakeYAML's own (English)
	 * text inside a translated frame, as is the problem of a malformed file.
	 */
	private static Wording bound(String message) {
		if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
			return Wording.of("convention.fault.tooManyAliases");
		}
		if (message.contains("Nesting Depth exceeded")) {
			return Wording.of("convention.fault.tooDeep", String.valueOf(MAX_DEPTH));
		}
		if (message.contains("exceeds the limit")) {
			return Wording.of("convention.fault.tooLarge", String.valueOf(MAX_FILE_BYTES / 1024));
		}
		return Wording.of("convention.fault.unreadable", message);
	}

	private static String decode(String file, byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new ConventionFileException(List.of(new Fault(file, 1, "", Wording.of("convention.fault.notUtf8"))));
		}
	}

	private static ConventionFileException single(String file, int line, Wording message) {
		return new ConventionFileException(List.of(new Fault(file, line, "", message)));
	}

	private Convention read(String sha256) {
		Object plain = yaml.toPlain(yaml.root(), new ArrayList<>());
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
			throw new ConventionFileException(yaml.faults());
		}
		Convention convention = build(dto, sha256);
		failIfFaults();
		return convention;
	}

	private void failIfFaults() {
		if (!yaml.faults().isEmpty()) {
			throw new ConventionFileException(yaml.faults());
		}
	}

	/**
	 * Jackson's refusal in the reader's words; only its last resort (a message of its own, {@code convention.fault.invalid})
	 * quotes Jackson's text.
	 */
	private static Wording describe(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException u) {
			return Wording.of("convention.fault.unknownKey", String.valueOf(u.getPropertyName()));
		}
		if (e instanceof InvalidFormatException f) {
			if (f.getTargetType() != null && f.getTargetType().isEnum()) {
				return Wording.of("convention.fault.unknownValue", String.valueOf(f.getValue()),
						Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
			}
			return Wording.of("convention.fault.invalidValue", String.valueOf(f.getValue()), simpleName(f.getTargetType()));
		}
		return Wording.of("convention.fault.invalid", String.valueOf(e.getOriginalMessage()));
	}

	private static String simpleName(Class<?> type) {
		return type == null ? "?" : type.getSimpleName();
	}

	private Convention build(ConventionFile f, String sha256) {
		required(f.id(), List.of("id"));
		required(f.version(), List.of("version"));
		required(f.title(), List.of("title"));
		required(f.clause(), List.of("clause"));
		if (f.validFrom() == null || f.validTo() == null) {
			fault(List.of(f.validFrom() == null ? "validFrom" : "validTo"), Wording.of("convention.fault.noDate"));
		}
		else if (!f.validFrom().isBefore(f.validTo())) {
			fault(List.of("validTo"), Wording.of("convention.fault.endBeforeStart", String.valueOf(f.validTo()), String.valueOf(f.validFrom())));
		}
		if (f.renewal() == null) {
			fault(List.of(), Wording.of("convention.fault.missingSection", "renewal"));
		}
		else {
			required(f.renewal().clause(), List.of("renewal", "clause"));
		}
		if (f.termination() == null) {
			fault(List.of(), Wording.of("convention.fault.missingSection", "termination"));
		}
		else {
			required(f.termination().clause(), List.of("termination", "clause"));
		}
		Set<String> parties = matrix.checkParties(f.parties());
		Map<String, ConventionFile.ComponentEntry> entries = new LinkedHashMap<>();
		Map<String, Area> areas = new LinkedHashMap<>();
		List<ConventionFile.DomainEntry> domains = nonNull(f.domains());
		if (domains.isEmpty()) {
			fault(List.of("domains"), Wording.of("convention.fault.noDomain"));
		}
		for (int d = 0; d < domains.size(); d++) {
			ConventionFile.DomainEntry domain = domains.get(d);
			List<Object> dPath = List.of("domains", d);
			required(domain.name(), append(dPath, "name"));
			required(domain.section(), append(dPath, "section"));
			if (domain.area() == null) {
				fault(append(dPath, "area"), Wording.of("convention.fault.noArea"));
				continue;
			}
			List<ConventionFile.ComponentEntry> components = nonNull(domain.components());
			for (int c = 0; c < components.size(); c++) {
				matrix.checkComponent(components.get(c), domain.area(), append(dPath, "components", c), parties, entries, areas);
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
		List<PointToClarify> points = sections.checkPoints(f.pointsToClarify(), entries.keySet());
		sections.checkCalendar(f);
		sections.checkServiceLevels(f, entries.keySet(), parties);
		sections.checkRequestTypes(f, entries.keySet(), parties, points);
		sections.checkOthers(f, parties, entries.keySet(), points);
		Lifecycle lifecycle = new Lifecycle(f.validFrom(), f.validTo(), f.clause(), f.renewal(), f.termination(),
				f.amendment());
		return new Convention(f.id(), f.version(), f.title(), lifecycle, nonNull(f.parties()), List.copyOf(builtDomains),
				java.util.Collections.unmodifiableMap(components), points, f.calendar(), f.serviceLevels(),
				f.securityIncidents(), f.dataProtection(), f.finance(), nonNull(f.committees()),
				sections.checkNaming(f.naming(), entries.keySet()), extensions.checkReporting(f.reporting()),
				extensions.checkRetention(f.retention()),
				extensions.checkPolicyRevisions(f.policyRevisions(), entries.keySet()), yaml.file(), sha256);
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
					fault(cPath, Wording.of("convention.fault.seeForm"));
					continue;
				}
				ConventionFile.ComponentEntry target = entries.get(String.valueOf(see));
				if (target == null) {
					fault(append(cPath, "see"), Wording.of("convention.fault.unknownSee", see));
					continue;
				}
				Object targetCell = target.responsibilities() == null ? null : target.responsibilities().get(kind);
				if (!(targetCell instanceof List<?>)) {
					fault(append(cPath, "see"), Wording.of("convention.fault.seeNoCell", String.valueOf(see), String.valueOf(kind)));
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

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
