package org.entente.directory;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The académie's addressing plan: which establishment each network range belongs to. The ACA sends the whole plan at
 * every change; an import replaces it (after checking every line). Look-ups are served from memory.
 */
@Service
public class NetworkRanges {

	private record Entry(NetworkRange.Parsed parsed, String uai) {
	}

	private final JdbcClient jdbc;
	private final Establishments establishments;
	private final ApplicationEventPublisher events;
	private volatile List<Entry> snapshot;
	private volatile long loadedAt;

	public NetworkRanges(JdbcClient jdbc, Establishments establishments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.establishments = establishments;
		this.events = events;
	}

	public List<NetworkRange> findAll() {
		return jdbc.sql("select uai, cidr, label from establishment_network_range order by uai, cidr")
			.query((rs, i) -> new NetworkRange(rs.getString("uai"), rs.getString("cidr"), rs.getString("label")))
			.list();
	}

	/** The establishment whose range holds the address (the most specific range wins), if any. */
	public Optional<String> establishmentOf(InetAddress address) {
		List<Entry> current = snapshot;
		if (current == null || System.nanoTime() - loadedAt > Establishments.FRESHNESS.toNanos()) {
			List<Entry> l = new ArrayList<>();
			for (NetworkRange r : findAll()) {
				l.add(new Entry(NetworkRange.parse(r.cidr()), r.uai()));
			}
			l.sort((a, b) -> Integer.compare(b.parsed().prefix(), a.parsed().prefix()));
			current = List.copyOf(l);
			snapshot = current;
			loadedAt = System.nanoTime();
		}
		for (Entry e : current) {
			if (e.parsed().contains(address)) {
				return Optional.of(e.uai());
			}
		}
		return Optional.empty();
	}

	/** What an import found: the ranges read (all or nothing is written). */
	public record ImportResult(int ranges, boolean written) {
	}

	/**
	 * Reads the plan (CSV, {@code ;} or {@code ,}, header {@code uai;reseau[;libelle]}) and, unless {@code dryRun},
	 * replaces the stored plan. Any bad line refuses the whole file, each error naming its line and column.
	 */
	@Transactional
	public ImportResult importCsv(Reader csv, boolean dryRun) throws IOException {
		List<FieldProblem> errors = new ArrayList<>();
		List<NetworkRange> ranges = new ArrayList<>();
		List<NetworkRange.Parsed> parsed = new ArrayList<>();
		org.entente.common.CsvReader.Errors read = new org.entente.common.CsvReader.Errors();
		List<org.entente.common.CsvReader.Line> lines = org.entente.common.CsvReader.read(csv, List.of("uai"),
				List.of("reseau", "réseau", "cidr", "libelle"), 100_000, read);
		if (!read.isEmpty()) {
			throw ProblemException.invalid(read.list().stream()
				.map(e -> new FieldProblem(e.line() <= 1 ? "file" : "ligne " + e.line(), "ligne " + e.line() + " : " + e.message()))
				.toList());
		}
		java.util.Set<String> header = lines.stream().flatMap(l -> l.values().keySet().stream()).collect(java.util.stream.Collectors.toSet());
		String networkColumn = header.contains("reseau") ? "reseau" : header.contains("réseau") ? "réseau" : "cidr";
		if (!header.contains(networkColumn)) {
			throw ProblemException.invalid("file", "l'en-tête doit nommer les colonnes « uai » et « reseau » (et, si besoin, « libelle »)");
		}
		for (org.entente.common.CsvReader.Line r : lines) {
			String line = "ligne " + r.number();
			String uai = r.get("uai") == null ? "" : r.get("uai").toUpperCase(java.util.Locale.ROOT);
			String cidr = r.get(networkColumn) == null ? "" : r.get(networkColumn);
			String label = r.get("libelle");
			if (establishments.find(uai).isEmpty()) {
				errors.add(new FieldProblem(line + ".uai", line + " : « " + uai + " » n'est pas un établissement connu"));
				continue;
			}
			NetworkRange.Parsed p;
			try {
				p = NetworkRange.parse(cidr);
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldProblem(line + ".reseau", line + " : " + e.getMessage()));
				continue;
			}
			if (label != null && label.length() > 200) {
				errors.add(new FieldProblem(line + ".libelle", line + " : le libellé dépasse 200 caractères"));
				continue;
			}
			for (int i = 0; i < parsed.size(); i++) {
				if (parsed.get(i).overlaps(p) && !ranges.get(i).uai().equals(uai)) {
					errors.add(new FieldProblem(line + ".reseau", line + " : " + cidr + " chevauche " + ranges.get(i).cidr()
							+ " de l'établissement " + ranges.get(i).uai()));
				}
			}
			parsed.add(p);
			ranges.add(new NetworkRange(uai, cidr.trim(), label));
			if (errors.size() > 100) {
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		if (dryRun) {
			return new ImportResult(ranges.size(), false);
		}
		List<NetworkRange> before = findAll();
		jdbc.sql("delete from establishment_network_range").update();
		Instant now = Instant.now();
		for (NetworkRange r : ranges) {
			jdbc.sql("insert into establishment_network_range (uai, cidr, label, imported_at) values (?, ?, ?, ?)")
				.params(r.uai(), r.cidr(), r.label(), java.sql.Timestamp.from(now))
				.update();
		}
		snapshot = null;
		changed(before, ranges, now);
		return new ImportResult(ranges.size(), true);
	}

	/** Publishes {@link NetworkRangesChanged} when the new plan differs from the previous one (labels included). */
	private void changed(List<NetworkRange> before, List<NetworkRange> after, Instant at) {
		java.util.Set<NetworkRange> old = new java.util.HashSet<>(before);
		java.util.Set<NetworkRange> now = new java.util.HashSet<>(after);
		java.util.Set<String> uais = new java.util.TreeSet<>();
		int added = 0;
		int removed = 0;
		for (NetworkRange r : now) {
			if (!old.contains(r)) {
				added++;
				uais.add(r.uai());
			}
		}
		for (NetworkRange r : old) {
			if (!now.contains(r)) {
				removed++;
				uais.add(r.uai());
			}
		}
		if (added + removed > 0) {
			events.publishEvent(new NetworkRangesChanged(after.size(), added, removed, List.copyOf(uais), at));
		}
	}
}
