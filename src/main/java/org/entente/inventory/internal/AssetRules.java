package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.entente.convention.Area;
import org.entente.convention.Component;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.convention.NamingRule;
import org.entente.directory.Establishment;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The checks every asset write goes through, whatever the channel: an establishment the convention covers, a
 * component of the matrix's in-establishment services, required fields, sizes, dates, and the Département's naming
 * rules (from the convention file). Each fault names its field.
 */
@org.springframework.stereotype.Component
public class AssetRules {

	static final int MAX_TEXT = 100;

	private final Conventions conventions;
	private final ConventionLabels conventionLabels;
	private final MessageSource messages;
	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	AssetRules(Conventions conventions, ConventionLabels conventionLabels, MessageSource messages) {
		this.conventions = conventions;
		this.conventionLabels = conventionLabels;
		this.messages = messages;
	}

	/**
	 * Faults of these fields; {@code establishments} looks an establishment up by UAI (a cache during an import).
	 */
	public List<FieldProblem> check(AssetData a, Function<String, Optional<Establishment>> establishments) {
		List<FieldProblem> problems = checkFields(a, establishments);
		naming(a).ifPresent(problems::add);
		return problems;
	}

	/** The same checks without the naming rules (GLPI Agent reports names as they are: they become warnings). */
	public List<FieldProblem> checkFields(AssetData a, Function<String, Optional<Establishment>> establishments) {
		List<FieldProblem> problems = new ArrayList<>();
		if (a.uai() == null) {
			if (a.status() != null && a.status() != AssetStatus.SPARE) {
				problems.add(new FieldProblem("uai", "UAI obligatoire (sans UAI, seul un matériel de secours du stock central est admis)"));
			}
		}
		else {
			String uaiProblem = org.entente.directory.Uai.problem(a.uai());
			if (uaiProblem != null) {
				problems.add(new FieldProblem("uai", "UAI « " + a.uai() + " » invalide : " + uaiProblem));
			}
			else {
				Optional<Establishment> e = establishments.apply(a.uai());
				if (e.isEmpty()) {
					problems.add(new FieldProblem("uai", "établissement « " + a.uai() + " » inconnu"));
				}
				else if (!e.get().kind().coveredByConvention()) {
					problems.add(new FieldProblem("uai", "« " + e.get().name() + " » est une cité scolaire, hors convention"));
				}
			}
		}
		if (a.component() == null) {
			problems.add(new FieldProblem("component", "composant obligatoire (code de la convention)"));
		}
		else {
			Optional<Component> c = conventions.current().component(a.component());
			if (c.isEmpty()) {
				problems.add(new FieldProblem("component", "composant « " + a.component() + " » inconnu de la convention"
						+ nearest(a.component())));
			}
			else if (c.get().area() != Area.IN_ESTABLISHMENT) {
				problems.add(new FieldProblem("component", "« " + a.component()
						+ " » n'est pas un équipement en établissement (annexe opérationnelle §3)"));
			}
		}
		if (a.network() == null) {
			problems.add(new FieldProblem("network", "réseau obligatoire"));
		}
		if (a.funding() == null) {
			problems.add(new FieldProblem("funding", "financement obligatoire"));
		}
		if (a.status() == null) {
			problems.add(new FieldProblem("status", "statut obligatoire"));
		}
		length(problems, "name", a.name());
		length(problems, "serial", a.serial());
		length(problems, "manufacturer", a.manufacturer());
		length(problems, "model", a.model());
		if (a.deviceId() != null && a.deviceId().length() > 200) {
			problems.add(new FieldProblem("deviceId", "200 caractères au plus"));
		}
		for (String[] f : new String[][] { { "building", a.building() }, { "room", a.room() }, { "socket", a.socket() } }) {
			if (f[1] != null && f[1].length() > 60) {
				problems.add(new FieldProblem(f[0], "60 caractères au plus"));
			}
		}
		LocalDate today = LocalDate.now();
		if (a.acquired() != null && a.acquired().isAfter(today.plusDays(1))) {
			problems.add(new FieldProblem("acquired", "date d'acquisition dans le futur (" + a.acquired() + ")"));
		}
		if (a.acquired() != null && a.warrantyEnd() != null && a.warrantyEnd().isBefore(a.acquired())) {
			problems.add(new FieldProblem("warrantyEnd", "fin de garantie (" + a.warrantyEnd() + ") avant l'acquisition (" + a.acquired() + ")"));
		}
		return problems;
	}

	/** The naming fault of this asset's name, if a rule of the convention applies and is broken; in French (the API's). */
	public Optional<FieldProblem> naming(AssetData a) {
		return naming(a, Locale.FRENCH);
	}

	/** The same fault in the page's language (the naming page, an asset's page, an import's warnings). */
	public Optional<FieldProblem> namingHere(AssetData a) {
		return naming(a, LocaleContextHolder.getLocale());
	}

	private Optional<FieldProblem> naming(AssetData a, Locale locale) {
		if (a.name() == null || a.component() == null || a.network() == null) {
			return Optional.empty();
		}
		for (NamingRule rule : conventions.current().naming()) {
			if (!rule.appliesTo(a.component(), a.network().conventionNetwork())) {
				continue;
			}
			String uai = a.uai() == null ? "" : a.uai();
			Pattern p = patterns.computeIfAbsent(conventions.current().version() + "|" + rule.kind() + "|" + uai,
					k -> rule.compile(a.uai()));
			if (!p.matcher(a.name()).matches()) {
				String example = rule.example().replace("0359901X", uai.isEmpty() ? "0359901X" : uai);
				return Optional.of(new FieldProblem("name", messages.getMessage("inv.naming.breach",
						new Object[] { a.name(), conventionLabels.namingRule(rule, locale), example, rule.clause() }, locale)));
			}
		}
		return Optional.empty();
	}

	private String nearest(String code) {
		try {
			conventions.component(code);
			return "";
		}
		catch (org.entente.convention.UnknownComponentException e) {
			List<String> codes = e.suggestions().stream().limit(3).map(Component::code).toList();
			return codes.isEmpty() ? "" : " ; codes proches : " + String.join(", ", codes);
		}
	}

	private static void length(List<FieldProblem> problems, String field, String value) {
		if (value != null && value.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, MAX_TEXT + " caractères au plus"));
		}
	}
}
