package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import org.entente.common.Wording;
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

	/** The same checks without the naming rules (GLPI Agent reports names as they are: they become warnings); in French. */
	public List<FieldProblem> checkFields(AssetData a, Function<String, Optional<Establishment>> establishments) {
		return checkFields(a, establishments, Locale.FRENCH);
	}

	/**
	 * The same faults in this language: French for the API and GLPI, the page's for the import page. Each sentence is
	 * the bundle's {@code inv.rule.*}.
	 */
	public List<FieldProblem> checkFields(AssetData a, Function<String, Optional<Establishment>> establishments, Locale locale) {
		List<FieldProblem> problems = new ArrayList<>();
		Function<Wording, String> say = w -> w.in(messages, locale);
		if (a.uai() == null) {
			if (a.status() != null && a.status() != AssetStatus.SPARE) {
				problems.add(new FieldProblem("uai", say.apply(Wording.of("inv.rule.uaiRequired"))));
			}
		}
		else {
			Wording uaiProblem = org.entente.directory.Uai.problemWording(a.uai());
			if (uaiProblem != null) {
				problems.add(new FieldProblem("uai", say.apply(Wording.of("inv.rule.uaiInvalid", a.uai(), uaiProblem))));
			}
			else {
				Optional<Establishment> e = establishments.apply(a.uai());
				if (e.isEmpty()) {
					problems.add(new FieldProblem("uai", say.apply(Wording.of("inv.rule.establishmentUnknown", a.uai()))));
				}
				else if (!e.get().kind().coveredByConvention()) {
					problems.add(new FieldProblem("uai", say.apply(Wording.of("inv.rule.citeScolaire", e.get().name()))));
				}
			}
		}
		if (a.component() == null) {
			problems.add(new FieldProblem("component", say.apply(Wording.of("inv.rule.componentRequired"))));
		}
		else {
			Optional<Component> c = conventions.current().component(a.component());
			if (c.isEmpty()) {
				List<String> near = nearest(a.component());
				problems.add(new FieldProblem("component", say.apply(Wording.of("inv.rule.componentUnknown", a.component(),
						near.isEmpty() ? "" : Wording.of("inv.rule.nearest", String.join(", ", near))))));
			}
			else if (c.get().area() != Area.IN_ESTABLISHMENT) {
				problems.add(new FieldProblem("component", say.apply(Wording.of("inv.rule.notInEstablishment", a.component()))));
			}
		}
		if (a.network() == null) {
			problems.add(new FieldProblem("network", say.apply(Wording.of("inv.rule.networkRequired"))));
		}
		if (a.funding() == null) {
			problems.add(new FieldProblem("funding", say.apply(Wording.of("inv.rule.fundingRequired"))));
		}
		if (a.status() == null) {
			problems.add(new FieldProblem("status", say.apply(Wording.of("inv.rule.statusRequired"))));
		}
		String tooLong = say.apply(Wording.of("inv.rule.tooLong", String.valueOf(MAX_TEXT)));
		length(problems, "name", a.name(), tooLong);
		length(problems, "serial", a.serial(), tooLong);
		length(problems, "manufacturer", a.manufacturer(), tooLong);
		length(problems, "model", a.model(), tooLong);
		if (a.deviceId() != null && a.deviceId().length() > 200) {
			problems.add(new FieldProblem("deviceId", say.apply(Wording.of("inv.rule.tooLong", "200"))));
		}
		for (String[] f : new String[][] { { "building", a.building() }, { "room", a.room() }, { "socket", a.socket() } }) {
			if (f[1] != null && f[1].length() > 60) {
				problems.add(new FieldProblem(f[0], say.apply(Wording.of("inv.rule.tooLong", "60"))));
			}
		}
		LocalDate today = LocalDate.now();
		if (a.acquired() != null && a.acquired().isAfter(today.plusDays(1))) {
			problems.add(new FieldProblem("acquired", say.apply(Wording.of("inv.rule.acquiredInFuture", a.acquired().toString()))));
		}
		if (a.acquired() != null && a.warrantyEnd() != null && a.warrantyEnd().isBefore(a.acquired())) {
			problems.add(new FieldProblem("warrantyEnd", say.apply(Wording.of("inv.rule.warrantyBeforeAcquired",
					a.warrantyEnd().toString(), a.acquired().toString()))));
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

	/** The naming fault in this language. */
	Optional<FieldProblem> naming(AssetData a, Locale locale) {
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

	private List<String> nearest(String code) {
		try {
			conventions.component(code);
			return List.of();
		}
		catch (org.entente.convention.UnknownComponentException e) {
			return e.suggestions().stream().limit(3).map(Component::code).toList();
		}
	}

	private static void length(List<FieldProblem> problems, String field, String value, String tooLong) {
		if (value != null && value.length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, tooLong));
		}
	}
}
