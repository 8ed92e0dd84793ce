package org.entente.inventory.internal;

import org.springframework.http.HttpStatus;
import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.entente.common.CsvReader;
import org.entente.common.Wording;
import org.springframework.context.MessageSource;
import org.entente.convention.Funding;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.AssetsImported;
import org.entente.inventory.InventoryNetwork;
import org.entente.convention.Conventions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV intake of assets, all or nothing: every row is parsed and checked (fields, the importer's scope) before
 * anything is written; one fault anywhere and nothing is. A fault is what makes a row meaningless (an unknown
 * establishment or component, a bad date or value, a missing serial); a name that breaks the Département's naming
 * rules is a warning, not a fault: the asset is kept with its name and appears on the naming-violations page
 * ({@code /inventaire/nommage}) until renamed, as a GLPI Agent report's would. Rows are matched to existing assets by serial
 * number (upsert); writes go in JDBC batches within one transaction.
 */
@Service
public class AssetImport {

	static final List<String> REQUIRED = List.of("uai", "component", "network", "name", "serial", "manufacturer",
			"model", "funding", "acquired", "warrantyEnd", "status");

	static final List<String> OPTIONAL = List.of("building", "room", "socket");

	static final int MAX_ERRORS = CsvReader.Errors.MAX;

	static final int MAX_ROWS = 500_000;

	/** A fault of one cell (or of the whole line when {@code column} is null). Lines count from 1, the header. */
	public record ImportError(long line, String column, String message) {
	}

	/** {@code warnings}: names that break the naming rules, by line (the rows are imported all the same). */
	public record ImportResult(int created, int updated, int unchanged, List<ImportError> errors, boolean dryRun,
			boolean truncated, List<ImportError> warnings) {

		public ImportResult(int created, int updated, int unchanged, List<ImportError> errors, boolean dryRun,
				boolean truncated) {
			this(created, updated, unchanged, errors, dryRun, truncated, List.of());
		}

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	private final AssetRepository repository;
	private final AssetRules rules;
	private final InventoryPermissions access;
	private final Establishments establishments;
	private final ApplicationEventPublisher events;

	private final Conventions conventions;
	private final MessageSource messages;

	AssetImport(AssetRepository repository, AssetRules rules, InventoryPermissions access, Establishments establishments,
			ApplicationEventPublisher events, Conventions conventions, MessageSource messages) {
		this.conventions = conventions;
		this.messages = messages;
		this.repository = repository;
		this.rules = rules;
		this.access = access;
		this.establishments = establishments;
		this.events = events;
	}

	private record Row(long line, AssetData data) {
	}

	/** The import with its faults in French (the API's). */
	@Transactional
	public ImportResult importCsv(Reader reader, EntenteUser user, boolean dryRun) {
		return importCsv(reader, user, dryRun, Locale.FRENCH);
	}

	/** The import with its faults and warnings in this language (the import page's). */
	@Transactional
	public ImportResult importCsv(Reader reader, EntenteUser user, boolean dryRun, Locale locale) {
		Errors errors = new Errors(w -> w.in(messages, locale));
		List<Row> rows = parse(reader, errors);
		Map<String, Establishment> byUai = new HashMap<>();
		establishments.findAll().forEach(e -> byUai.put(e.uai().value(), e));
		Function<String, Optional<Establishment>> lookup = uai -> Optional.ofNullable(byUai.get(uai));

		List<ImportError> warnings = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (Row row : rows) {
			if (row.data().serial() == null) {
				errors.add(row.line(), "serial", Wording.of("inv.rule.serialRequired"));
			}
			else {
				Long first = seen.putIfAbsent(row.data().serial(), row.line());
				if (first != null) {
					errors.add(row.line(), "serial", Wording.of("inv.rule.serialTwice", row.data().serial(), String.valueOf(first)));
				}
			}
		}
		Map<String, Asset> existing = repository.findBySerials(seen.keySet());
		List<AssetData> toCreate = new ArrayList<>();
		List<Asset> toUpdate = new ArrayList<>();
		Instant now = Instant.now();
		List<AssetChange> changes = new ArrayList<>();
		int unchanged = 0;
		for (Row row : rows) {
			Asset before = row.data().serial() == null ? null : existing.get(row.data().serial());
			// A serial held outside the importer's sight is answered as an unknown one up to the write (the row checked
			// on its own), then with the API's answer to a taken serial: nothing tells where, or whose, it is.
			boolean hidden = before != null && !access.canRead(user, before.data());
			if (hidden) {
				before = null;
			}
			AssetData data = before == null ? row.data() : merge(before.data(), row.data());
			List<FieldProblem> problems = rules.checkFields(data, lookup, locale);
			problems.forEach(p -> errors.add(row.line(), p.field(), p.message()));
			rules.naming(data, locale).ifPresent(p -> warnings.add(new ImportError(row.line(), p.field(), p.message())));
			if (!problems.isEmpty()) {
				continue;
			}
			if (before == null) {
				if (!access.canManage(user, data)) {
					errors.add(row.line(), null, outOfScope(data));
				}
				else if (hidden) {
					errors.add(row.line(), "serial", Wording.of("inv.rule.taken"));
				}
				else {
					toCreate.add(data);
				}
				continue;
			}
			if (!access.canManage(user, before.data()) || !access.canManage(user, data)) {
				errors.add(row.line(), null, outOfScope(before.data()));
			}
			else {
				List<AssetChange> diff = AssetChange.between(before.id(), before.data(), data, user.getUsername(), "CSV", now);
				if (diff.isEmpty()) {
					unchanged++;
				}
				else {
					changes.addAll(diff);
					toUpdate.add(new Asset(before.id(), data, before.version(), before.createdAt(), before.createdBy(), now,
							user.getUsername()));
				}
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, 0, 0, errors.sorted(), dryRun, errors.all.truncated(), List.of());
		}
		if (!dryRun) {
			repository.insertAll(toCreate, user.getUsername(), now);
			repository.updateAll(toUpdate, user.getUsername(), now);
			repository.recordChanges(changes);
			events.publishEvent(new AssetsImported(toCreate.size(), toUpdate.size(), toUpdate.stream().map(Asset::id).toList(),
					java.util.stream.Stream.concat(toCreate.stream().map(AssetData::uai), toUpdate.stream().map(a -> a.data().uai()))
						.filter(java.util.Objects::nonNull).distinct().sorted().toList(),
					user.getUsername(), user.party(), conventions.current().version(), now));
		}
		return new ImportResult(toCreate.size(), toUpdate.size(), unchanged, List.of(), dryRun, false, List.copyOf(warnings));
	}

	private Wording outOfScope(AssetData data) {
		String manager = data.component() == null || data.network() == null || data.funding() == null ? "?"
				: access.manager(data.component(), data.network(), data.funding());
		return Wording.of("inv.rule.outOfScope", String.valueOf(data.component()), String.valueOf(data.network()),
				String.valueOf(data.funding()), Wording.of("ACA".equals(manager) ? "inv.rule.managedBy.ACA" : "inv.rule.managedBy.CD"),
				data.funding() != Funding.CD ? Wording.of("inv.rule.orCollege") : "");
	}

	/** The CSV's columns replace the existing values; what the CSV does not carry (device id, location) is kept. */
	private static AssetData merge(AssetData before, AssetData csv) {
		return new AssetData(csv.uai(), csv.component(), csv.network(), csv.name(), csv.serial(), before.deviceId(),
				csv.manufacturer(), csv.model(), csv.funding(), csv.acquired(), csv.warrantyEnd(), csv.status(),
				csv.building() == null ? before.building() : csv.building(),
				csv.room() == null ? before.room() : csv.room(), csv.socket() == null ? before.socket() : csv.socket(),
				before.sharedBetweenNetworks());
	}

	/** The import's faults: the common reader's, listed as this import's errors. */
	private static final class Errors {

		final CsvReader.Errors all = new CsvReader.Errors();

		/** Tells a sentence of the bundle in the import's language. */
		final Function<Wording, String> say;

		Errors(Function<Wording, String> say) {
			this.say = say;
		}

		void add(long line, String column, Wording message) {
			all.add(line, column, say.apply(message));
		}

		/** By line, the file's own faults (line 1, the header) first; a line's faults keep their column order. */
		List<ImportError> sorted() {
			return list().stream().sorted(java.util.Comparator.comparingLong(ImportError::line)).toList();
		}

		void add(long line, String column, String message) {
			all.add(line, column, message);
		}

		boolean isEmpty() {
			return all.isEmpty();
		}

		List<ImportError> list() {
			return all.list().stream().map(e -> new ImportError(e.line(), e.column(), e.message())).toList();
		}
	}

	private List<Row> parse(Reader reader, Errors errors) {
		List<Row> rows = new ArrayList<>();
		for (CsvReader.Line l : CsvReader.read(reader, REQUIRED, OPTIONAL, MAX_ROWS, errors.all)) {
			rows.add(new Row(l.number(), row(l, l.number(), errors)));
		}
		return rows;
	}

	private static AssetData row(CsvReader.Line r, long line, Errors errors) {
		String uai = value(r, "uai");
		return new AssetData(uai == null ? null : uai.toUpperCase(Locale.ROOT), value(r, "component"),
				enumValue(r, "network", InventoryNetwork.class, line, errors), value(r, "name"), value(r, "serial"), null,
				value(r, "manufacturer"), value(r, "model"), enumValue(r, "funding", Funding.class, line, errors),
				date(r, "acquired", line, errors), date(r, "warrantyEnd", line, errors),
				enumValue(r, "status", AssetStatus.class, line, errors), value(r, "building"), value(r, "room"),
				value(r, "socket"));
	}

	private static String value(CsvReader.Line r, String column) {
		return r.get(column);
	}

	private static <E extends Enum<E>> E enumValue(CsvReader.Line r, String column, Class<E> type, long line, Errors errors) {
		String v = value(r, column);
		if (v == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(line, column, Wording.of("inv.rule.valueUnknown", v, Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

	private static LocalDate date(CsvReader.Line r, String column, long line, Errors errors) {
		String v = value(r, column);
		if (v == null) {
			return null;
		}
		try {
			return LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			errors.add(line, column, Wording.of("inv.rule.dateInvalid", v));
			return null;
		}
	}

}
