package org.entente.convention;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.entente.convention.internal.ComponentSearch;
import org.entente.convention.internal.ConventionDiffer;
import org.entente.convention.internal.ConventionParser;
import org.entente.convention.internal.ConventionVersionRepository;
import org.entente.convention.internal.ConventionVersionRepository.StoredVersion;
import org.entente.convention.internal.ResponsibilityResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The convention in force and its past versions: the one entry point other modules ask «who is responsible»,
 * «what are the service levels», «which version applied». Versions are parsed once and kept in memory; the
 * database keeps every file verbatim. The file at {@code entente.convention.location} is validated at start-up:
 * a faulty file stops the application with the file, line and fault.
 */
@Service
public class Conventions implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Conventions.class);

	/** Who recorded a version read from the bundled file at start-up. */
	static final String STARTUP = "démarrage";

	private record Loaded(Convention convention, ComponentSearch search, StoredVersion stored) {
	}

	private record FirstStart(Convention convention, byte[] content, String name) {
	}

	private final ConventionVersionRepository repository;
	private final ApplicationEventPublisher events;
	private final TransactionOperations transactions;
	private volatile FirstStart firstStart;
	private final Map<String, Loaded> byVersion = new ConcurrentHashMap<>();
	private volatile Loaded current;
	private volatile long knownLatestId;

	public Conventions(ConventionVersionRepository repository, ConventionProperties properties,
			ApplicationEventPublisher events, TransactionOperations transactions) throws IOException {
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		byte[] content;
		try (InputStream in = properties.location().getInputStream()) {
			content = in.readAllBytes();
		}
		String name = Optional.ofNullable(properties.location().getFilename()).orElse("convention.yaml");
		Convention bundled = ConventionParser.parse(name, content);
		Optional<StoredVersion> stored = repository.find(bundled.id(), bundled.version());
		if (stored.isEmpty()) {
			// Stored with its ConventionVersionLoaded once every listener is registered (afterSingletonsInstantiated);
			// until then, the bundled file is the version in force.
			firstStart = new FirstStart(bundled, content, name);
		}
		else if (!stored.get().sha256().equals(bundled.sha256())) {
			if (!refreshesInPlace(stored.get(), bundled)) {
				throw new ConventionFileException(List.of(new ConventionFileException.Fault(name, 1, "version",
						org.entente.common.Wording.of("convention.fault.versionStoredOtherwise", String.valueOf(bundled.version())))));
			}
			repository.replaceContent(stored.get().id(), name, bundled.sha256(), new String(content, StandardCharsets.UTF_8));
			log.warn("Convention {} version {} : le fichier fourni avec Entente a gagné des sections ou des précisions "
					+ "sans changer ce qui s'applique ; la copie enregistrée au démarrage est remplacée ({} → {})",
					bundled.id(), bundled.version(), stored.get().sha256(), bundled.sha256());
		}
		refresh();
		if (firstStart != null) {
			current = new Loaded(bundled, new ComponentSearch(bundled), new StoredVersion(0, bundled.id(), bundled.version(),
					bundled.title(), null, name, bundled.sha256(), new String(content, StandardCharsets.UTF_8), Instant.now(), STARTUP));
		}
	}

	/**
	 * The bundled file's first start-up: the version and its event in one transaction, now that the listeners (the
	 * webhook module's among them) are registered; an event published from the constructor would reach none.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		FirstStart start = firstStart;
		if (start == null) {
			return;
		}
		transactions.executeWithoutResult(tx -> record(start.convention(), start.content(), STARTUP));
		firstStart = null;
		refresh();
		log.info("Convention {} version {} enregistrée depuis {}", start.convention().id(), start.convention().version(), start.name());
	}

	/**
	 * Whether a new release of the bundled file may replace the copy stored at an earlier start-up under the same
	 * version: only when that copy came from start-up (never an uploaded amendment), and everything that applied still
	 * applies — the new file only adds values (a new section, a new reading's references) or rewords a point to
	 * clarify. Any other change needs a new version, as an amendment does.
	 */
	static boolean refreshesInPlace(StoredVersion stored, Convention bundled) {
		if (!STARTUP.equals(stored.loadedBy())) {
			return false;
		}
		Convention before = ConventionParser.parse(stored.sourceName(), stored.bytes());
		return ConventionDiffer.diff(before, bundled).changes().stream()
			.allMatch(c -> c.kind() == ConventionDiff.Kind.ADDED || c.path().startsWith("pointsToClarify")
					|| c.before() == null || c.before().isEmpty() || "null".equals(c.before()));
	}

	/** The version in force: the last one loaded. */
	public Convention current() {
		return current.convention();
	}

	public Optional<Convention> version(String version) {
		return Optional.ofNullable(byVersion.get(version)).map(Loaded::convention);
	}

	public List<ConventionVersion> versions() {
		List<ConventionVersion> list = new ArrayList<>();
		for (Loaded l : byVersion.values()) {
			StoredVersion s = l.stored();
			list.add(new ConventionVersion(s.conventionId(), s.version(), s.title(), s.amendment(), s.sourceName(),
					s.sha256(), s.loadedAt(), s.loadedBy(), l == current));
		}
		list.sort(Comparator.comparing(ConventionVersion::loadedAt).reversed());
		return list;
	}

	/** The component with this code in the version in force, or an exception naming the nearest codes. */
	public Component component(String code) {
		return current().component(code)
			.orElseThrow(() -> new UnknownComponentException(code, current.search().nearest(code, 5)));
	}

	/** Who is responsible for this intervention on this component, in this context, and why. */
	public Responsibility resolve(String componentCode, InterventionKind kind, ResponsibilityContext context) {
		Loaded loaded = current;
		Component component = loaded.convention().component(componentCode)
			.orElseThrow(() -> new UnknownComponentException(componentCode, loaded.search().nearest(componentCode, 5)));
		return ResponsibilityResolver.resolve(loaded.convention(), component, kind, context);
	}

	/** Components matching a free-text query, tolerant to accents, case and small typos. */
	public List<Component> search(String query) {
		return current.search().search(query);
	}

	/** The same search in a given version (old versions stay readable). */
	public List<Component> search(String version, String query) {
		Loaded loaded = byVersion.get(version);
		if (loaded == null) {
			throw new UnknownVersionException(version);
		}
		return loaded.search().search(query);
	}

	/** A version by its name, or an exception that says it does not exist. */
	public Convention requireVersion(String version) {
		return version(version).orElseThrow(() -> new UnknownVersionException(version));
	}

	public ConventionDiff diff(String fromVersion, String toVersion) {
		Convention from = requireVersion(fromVersion);
		Convention to = requireVersion(toVersion);
		return ConventionDiffer.diff(from, to);
	}

	/**
	 * Validates an amended file (avenant) and records it as the new version in force. Nothing is stored when the
	 * file has a fault, belongs to another convention or reuses a version.
	 */
	@Transactional
	public Convention upload(String fileName, byte[] content, String user) {
		Convention amended = ConventionParser.parse(fileName, content);
		if (!amended.id().equals(current().id())) {
			throw new ConventionFileException(List.of(new ConventionFileException.Fault(fileName, 1, "id",
					org.entente.common.Wording.of("convention.fault.otherConvention", String.valueOf(amended.id()),
							String.valueOf(current().id())))));
		}
		if (repository.find(amended.id(), amended.version()).isPresent()) {
			throw new ConventionFileException(List.of(new ConventionFileException.Fault(fileName, 1, "version",
					org.entente.common.Wording.of("convention.fault.versionExists", String.valueOf(amended.version())))));
		}
		record(amended, content, user);
		refresh();
		log.info("Avenant : convention {} version {} chargée par {}", amended.id(), amended.version(), user);
		return amended;
	}

	/** Stores the version and publishes its {@link ConventionVersionLoaded}, in the caller's transaction. */
	private void record(Convention convention, byte[] content, String user) {
		String amendment = convention.lifecycle().amendment() == null ? null : convention.lifecycle().amendment().summary();
		Instant loadedAt = Instant.now();
		repository.insert(convention.id(), convention.version(), convention.title(), amendment, convention.source(),
				convention.sha256(), new String(content, StandardCharsets.UTF_8), user, loadedAt);
		events.publishEvent(new ConventionVersionLoaded(convention.id(), convention.version(), convention.title(), amendment,
				user, loadedAt));
	}

	/** Picks up versions loaded by another instance (several instances share one database). */
	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	public void refreshIfChanged() {
		if (repository.latestId() != knownLatestId) {
			refresh();
		}
	}

	private synchronized void refresh() {
		Loaded latest = null;
		for (StoredVersion s : repository.findAll()) {
			Loaded loaded = byVersion.computeIfAbsent(s.version(), v -> {
				Convention c = ConventionParser.parse(s.sourceName(), s.bytes());
				return new Loaded(c, new ComponentSearch(c), s);
			});
			latest = loaded;
			knownLatestId = Math.max(knownLatestId, s.id());
		}
		current = latest;
	}
}
