package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entente.convention.Area;
import org.entente.convention.Conventions;
import org.entente.directory.EstablishmentKind;
import org.entente.directory.Establishments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Département's equipment référentiel (what a collège should have, with a modulation range, and how often it is
 * renewed) and purchase catalogue, both versioned: a publication is a new version, old ones stay readable.
 */
@Service
public class Referentiel {

	public record Line(String component, String label, int quantity, int minQuantity, int maxQuantity, int renewalYears) {
	}

	public record Version(int version, Instant publishedAt, String publishedBy, String note, List<Line> lines) {
	}

	public record Item(String code, String component, String label, java.math.BigDecimal unitPrice) {
	}

	public record Catalogue(int version, Instant publishedAt, String publishedBy, List<Item> items) {
	}

	private final JdbcClient jdbc;
	private final Conventions conventions;
	private final Establishments establishments;

	Referentiel(JdbcClient jdbc, Conventions conventions, Establishments establishments) {
		this.establishments = establishments;
		this.jdbc = jdbc;
		this.conventions = conventions;
	}

	public Optional<Version> current() {
		return jdbc.sql("select * from inv_referentiel order by version desc limit 1")
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
					rs.getString("published_by"), rs.getString("note"), List.of()))
			.optional()
			.map(v -> new Version(v.version(), v.publishedAt(), v.publishedBy(), v.note(),
					jdbc.sql("select * from inv_referentiel_line where version = ? order by component").param(v.version())
						.query((rs, n) -> new Line(rs.getString("component"), rs.getString("label"), rs.getInt("quantity"),
								rs.getInt("min_quantity"), rs.getInt("max_quantity"), rs.getInt("renewal_years")))
						.list()));
	}

	@Transactional
	public Version publish(List<Line> lines, String note, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			String f = "lines[" + i + "]";
			if (l.component() == null || conventions.current().component(l.component()).map(c -> c.area() != Area.IN_ESTABLISHMENT).orElse(true)) {
				problems.add(new FieldProblem(f + ".component", "composant « " + l.component() + " » inconnu ou hors équipements en établissement"));
			}
			else if (!seen.add(l.component())) {
				problems.add(new FieldProblem(f + ".component", "composant « " + l.component() + " » en double"));
			}
			if (l.label() == null || l.label().isBlank() || l.label().length() > 200) {
				problems.add(new FieldProblem(f + ".label", "libellé obligatoire, 200 caractères au plus"));
			}
			if (l.minQuantity() < 0 || l.minQuantity() > l.quantity() || l.quantity() > l.maxQuantity()) {
				problems.add(new FieldProblem(f + ".quantity", "il faut 0 ≤ minimum ≤ quantité ≤ maximum"));
			}
			if (l.renewalYears() < 1 || l.renewalYears() > 30) {
				problems.add(new FieldProblem(f + ".renewalYears", "durée de renouvellement entre 1 et 30 ans"));
			}
		}
		if (lines.isEmpty()) {
			problems.add(new FieldProblem("lines", "au moins une ligne"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from inv_referentiel").query(Integer.class).single();
		jdbc.sql("insert into inv_referentiel (version, published_at, published_by, note) values (?, ?, ?, ?)")
			.params(version, Timestamp.from(Instant.now()), by, note).update();
		for (Line l : lines) {
			jdbc.sql("insert into inv_referentiel_line (version, component, label, quantity, min_quantity, max_quantity, renewal_years) values (?, ?, ?, ?, ?, ?, ?)")
				.params(version, l.component(), l.label(), l.quantity(), l.minQuantity(), l.maxQuantity(), l.renewalYears()).update();
		}
		return current().orElseThrow();
	}

	public Optional<Catalogue> catalogue() {
		return jdbc.sql("select * from inv_catalogue order by version desc limit 1")
			.query((rs, n) -> new Catalogue(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
					rs.getString("published_by"), List.of()))
			.optional()
			.map(c -> new Catalogue(c.version(), c.publishedAt(), c.publishedBy(),
					jdbc.sql("select * from inv_catalogue_item where version = ? order by code").param(c.version())
						.query((rs, n) -> new Item(rs.getString("code"), rs.getString("component"), rs.getString("label"),
								rs.getBigDecimal("unit_price")))
						.list()));
	}

	@Transactional
	public Catalogue publishCatalogue(List<Item> items, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Item it = items.get(i);
			if (it.code() == null || !it.code().matches("[A-Z0-9_-]{1,40}") || !codes.add(it.code())) {
				problems.add(new FieldProblem("items[" + i + "].code", "code manquant, mal formé ou en double"));
			}
			if (it.component() == null || conventions.current().component(it.component()).isEmpty()) {
				problems.add(new FieldProblem("items[" + i + "].component", "composant « " + it.component() + " » inconnu"));
			}
			if (it.label() == null || it.label().isBlank()) {
				problems.add(new FieldProblem("items[" + i + "].label", "libellé obligatoire"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from inv_catalogue").query(Integer.class).single();
		jdbc.sql("insert into inv_catalogue (version, published_at, published_by) values (?, ?, ?)")
			.params(version, Timestamp.from(Instant.now()), by).update();
		for (Item it : items) {
			jdbc.sql("insert into inv_catalogue_item (version, code, component, label, unit_price) values (?, ?, ?, ?, ?)")
				.params(version, it.code(), it.component(), it.label(), it.unitPrice()).update();
		}
		return catalogue().orElseThrow();
	}

	/** What a collège has (assets in service or spare) against each line of the référentiel. */
	public record Equity(String uai, String component, String label, int count, int quantity, int minQuantity,
			int maxQuantity, String position) {
	}

	/** Assets in service or spare of an establishment and component. */
	public record Count(String uai, String component, int count) {
	}

	/** Every establishment's assets in service or spare by component (the central stock left out). */
	public List<Count> counts() {
		return counts(InventoryPermissions.Scope.ALL);
	}

	private List<Count> counts(InventoryPermissions.Scope scope) {
		return jdbc.sql("select uai, component, count(*) as n from inv_asset where uai is not null and status in ('IN_SERVICE', 'SPARE')"
				+ (scope.all() ? "" : " and uai = :uai") + " group by uai, component order by uai, component")
			.params(scope.all() ? Map.of() : Map.of("uai", scope.uai()))
			.query((rs, n) -> new Count(rs.getString("uai"), rs.getString("component"), rs.getInt("n")))
			.list();
	}

	public List<Equity> equity(InventoryPermissions.Scope scope) {
		Optional<Version> v = current();
		if (v.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> counts = new java.util.HashMap<>();
		counts(scope).forEach(c -> counts.put(c.uai() + "|" + c.component(), c.count()));
		// The collèges come from the directory, which owns establishments (never its table).
		List<String> uais = establishments.findAll().stream()
			.filter(e -> e.kind() == EstablishmentKind.COLLEGE && scope.covers(e.uai().value()))
			.map(e -> e.uai().value())
			.sorted()
			.toList();
		List<Equity> result = new ArrayList<>();
		for (String uai : uais) {
			for (Line l : v.get().lines()) {
				int n = counts.getOrDefault(uai + "|" + l.component(), 0);
				String position = n < l.minQuantity() ? "BELOW" : n > l.maxQuantity() ? "ABOVE" : "WITHIN";
				result.add(new Equity(uai, l.component(), l.label(), n, l.quantity(), l.minQuantity(), l.maxQuantity(), position));
			}
		}
		return result;
	}

	/** Assets in service older than their référentiel line's renewal period (by acquisition date). */
	public record Renewal(long assetId, String uai, String component, String name, LocalDate acquired, int renewalYears,
			LocalDate due) {
	}

	public List<Renewal> renewalsDue(InventoryPermissions.Scope scope, LocalDate asOf) {
		Optional<Version> v = current();
		List<Renewal> result = new ArrayList<>();
		if (v.isEmpty()) {
			return result;
		}
		for (Line l : v.get().lines()) {
			LocalDate boughtBefore = asOf.minusYears(l.renewalYears());
			jdbc.sql("select id, uai, name, acquired from inv_asset where component = :c and status = 'IN_SERVICE' and acquired <= :d"
					+ (scope.all() ? "" : " and uai = :uai") + " order by acquired limit 500")
				.param("c", l.component())
				.param("d", java.sql.Date.valueOf(boughtBefore))
				.params(scope.all() ? Map.of() : Map.of("uai", scope.uai()))
				.query((rs, n) -> result.add(new Renewal(rs.getLong("id"), rs.getString("uai"), l.component(), rs.getString("name"),
						rs.getDate("acquired").toLocalDate(), l.renewalYears(),
						rs.getDate("acquired").toLocalDate().plusYears(l.renewalYears()))))
				.list();
		}
		return result;
	}
}
