package org.entente.convention.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayCalendar;
import org.entente.common.Wording;
import org.entente.convention.CalendarRules;
import org.entente.convention.NamingRule;
import org.entente.convention.PointToClarify;

/**
 * Checks of the sections around the matrix: naming rules, points to clarify, the working calendar, service levels,
 * security incidents, data protection, finance and committees.
 */
final class SectionChecks extends YamlChecks {

	SectionChecks(ConventionYaml yaml) {
		super(yaml);
	}

	/** The optional naming rules: known components, a compiling pattern, an example that matches it. */
	List<NamingRule> checkNaming(List<ConventionFile.NamingEntry> list, Set<String> components) {
		List<NamingRule> rules = new ArrayList<>();
		Set<String> kinds = new HashSet<>();
		List<ConventionFile.NamingEntry> entries = nonNull(list);
		for (int i = 0; i < entries.size(); i++) {
			ConventionFile.NamingEntry n = entries.get(i);
			List<Object> path = List.of("naming", i);
			if (n.kind() == null || !n.kind().matches("[A-Z][A-Z0-9_]*")) {
				fault(append(path, "kind"), Wording.of("convention.fault.ruleKind"));
			}
			else if (!kinds.add(n.kind())) {
				fault(append(path, "kind"), Wording.of("convention.fault.ruleTwice", String.valueOf(n.kind())));
			}
			required(n.label(), append(path, "label"));
			required(n.clause(), append(path, "clause"));
			required(n.example(), append(path, "example"));
			if (n.appliesTo() == null || n.appliesTo().isEmpty()) {
				fault(append(path, "appliesTo"), Wording.of("convention.fault.atLeastOneComponent"));
			}
			else {
				n.appliesTo().stream().filter(c -> !components.contains(c)).sorted()
					.forEach(c -> fault(append(path, "appliesTo"), Wording.of("convention.fault.unknownComponent", String.valueOf(c))));
			}
			if (n.pattern() == null || n.pattern().isBlank()) {
				fault(append(path, "pattern"), Wording.of("convention.fault.missing", "pattern"));
				continue;
			}
			NamingRule rule = new NamingRule(n.kind(), n.label(), n.pattern(), n.example(),
					n.appliesTo() == null ? Set.of() : Set.copyOf(n.appliesTo()),
					n.exemptNetworks() == null ? Set.of() : Set.copyOf(n.exemptNetworks()), n.clause());
			try {
				if (n.example() != null && !rule.compile(null).matcher(n.example()).matches()) {
					fault(append(path, "example"), Wording.of("convention.fault.exampleMismatch", n.example()));
				}
			}
			catch (java.util.regex.PatternSyntaxException e) {
				fault(append(path, "pattern"), Wording.of("convention.fault.badRegex", String.valueOf(e.getDescription())));
				continue;
			}
			rules.add(rule);
		}
		return List.copyOf(rules);
	}

	List<PointToClarify> checkPoints(List<PointToClarify> list, Set<String> components) {
		List<PointToClarify> points = nonNull(list);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < points.size(); i++) {
			PointToClarify p = points.get(i);
			List<Object> path = List.of("pointsToClarify", i);
			if (p.id() == null || !ids.add(p.id())) {
				fault(append(path, "id"), p.id() == null ? Wording.of("convention.fault.noId") : Wording.of("convention.fault.idTwice", p.id()));
			}
			required(p.title(), append(path, "title"));
			required(p.clause(), append(path, "clause"));
			if (p.readings() == null || p.readings().size() < 2) {
				fault(append(path, "readings"), Wording.of("convention.fault.twoReadings"));
			}
			if (p.component() != null && !components.contains(p.component())) {
				fault(append(path, "component"), Wording.of("convention.fault.unknownComponent", p.component()));
			}
		}
		return points;
	}

	void checkCalendar(ConventionFile f) {
		CalendarRules calendar = f.calendar();
		if (calendar == null) {
			fault(List.of(), Wording.of("convention.fault.missingSection", "calendar"));
			return;
		}
		checkCalendar(calendar, List.of("calendar"));
		if (calendar.partyCalendars() != null) {
			calendar.partyCalendars().forEach((party, c) -> {
				List<Object> path = List.of("calendar", "partyCalendars", party);
				if (c == null) {
					fault(path, Wording.of("convention.fault.emptyPartyCalendar", String.valueOf(party)));
				}
				else {
					checkCalendar(c, path);
				}
			});
		}
	}

	void checkCalendar(CalendarRules calendar, List<Object> path) {
		try {
			ZoneId.of(String.valueOf(calendar.zone()));
		}
		catch (DateTimeException e) {
			fault(append(path, "zone"), Wording.of("convention.fault.unknownZone", String.valueOf(calendar.zone())));
		}
		if (calendar.holidays() == null || !isEnum(HolidayCalendar.class, calendar.holidays())) {
			fault(append(path, "holidays"), Wording.of("convention.fault.unknownHolidays", String.valueOf(calendar.holidays())));
		}
		if (calendar.workingDays() == null || calendar.workingDays().isEmpty()) {
			fault(append(path, "workingDays"), Wording.of("convention.fault.noWorkingDays"));
		}
		List<String> hours = nonNull(calendar.hours());
		if (hours.isEmpty()) {
			fault(append(path, "hours"), Wording.of("convention.fault.noHours"));
		}
		CalendarRules.Range previous = null;
		for (int i = 0; i < hours.size(); i++) {
			try {
				CalendarRules.Range range = CalendarRules.parseRange(hours.get(i));
				if (previous != null && !previous.to().isBefore(range.from()) && !previous.to().equals(range.from())) {
					fault(append(path, "hours", i), Wording.of("convention.fault.overlappingHours"));
				}
				previous = range;
			}
			catch (RuntimeException e) {
				fault(append(path, "hours", i), Wording.of("convention.fault.badHours", String.valueOf(hours.get(i))));
			}
		}
		List<CalendarRules.Closure> closures = nonNull(calendar.closures());
		for (int i = 0; i < closures.size(); i++) {
			CalendarRules.Closure c = closures.get(i);
			if (c.from() == null || c.to() == null || c.to().isBefore(c.from())) {
				fault(append(path, "closures", i), Wording.of("convention.fault.badClosure"));
			}
		}
	}

	void checkServiceLevels(ConventionFile f, Set<String> components, Set<String> parties) {
		var levels = f.serviceLevels();
		if (levels == null) {
			fault(List.of(), Wording.of("convention.fault.missingSection", "serviceLevels"));
			return;
		}
		required(levels.clause(), List.of("serviceLevels", "clause"));
		var services = nonNull(levels.criticalServices());
		for (int i = 0; i < services.size(); i++) {
			var codes = nonNull(services.get(i).components());
			for (int j = 0; j < codes.size(); j++) {
				if (!components.contains(codes.get(j))) {
					fault(List.of("serviceLevels", "criticalServices", i, "components", j),
							Wording.of("convention.fault.unknownComponent", String.valueOf(codes.get(j))));
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
				fault(List.of("serviceLevels", "clocks", i, "code"), Wording.of("convention.fault.clockCode"));
			}
			var bound = nonNull(clock.bindingFor());
			for (int j = 0; j < bound.size(); j++) {
				partyRef(bound.get(j), List.of("serviceLevels", "clocks", i, "bindingFor", j), parties);
			}
			if (clock.workingDays() == null || clock.workingDays().signum() <= 0) {
				fault(List.of("serviceLevels", "clocks", i, "workingDays"), Wording.of("convention.fault.positiveWorkingDays"));
			}
		}
	}

	/** The optional request types: known components and parties, an existing point to clarify for an open deadline. */
	void checkRequestTypes(ConventionFile f, Set<String> components, Set<String> parties, List<PointToClarify> points) {
		var types = f.serviceLevels() == null ? List.<org.entente.convention.RequestType>of() : f.serviceLevels().requestTypes();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < types.size(); i++) {
			var type = types.get(i);
			List<Object> path = List.of("serviceLevels", "requestTypes", i);
			if (type.code() == null || !codes.add(type.code())) {
				fault(append(path, "code"), Wording.of("convention.fault.requestTypeCode"));
			}
			required(type.label(), append(path, "label"));
			if (type.intervention() == null) {
				fault(append(path, "intervention"), Wording.of("convention.fault.noIntervention"));
			}
			if (type.components().isEmpty()) {
				fault(append(path, "components"), Wording.of("convention.fault.someComponent"));
			}
			for (int j = 0; j < type.components().size(); j++) {
				if (!components.contains(type.components().get(j))) {
					fault(append(path, "components", j), Wording.of("convention.fault.unknownComponent", String.valueOf(type.components().get(j))));
				}
			}
			for (int j = 0; j < type.openedBy().size(); j++) {
				partyRef(type.openedBy().get(j), append(path, "openedBy", j), parties);
			}
			var deadline = type.deadline();
			if (deadline == null) {
				continue;
			}
			for (int j = 0; j < deadline.bindingFor().size(); j++) {
				partyRef(deadline.bindingFor().get(j), append(path, "deadline", "bindingFor", j), parties);
			}
			if (deadline.set() && deadline.workingDays().signum() <= 0) {
				fault(append(path, "deadline", "workingDays"), Wording.of("convention.fault.positiveWorkingDays"));
			}
			if (!deadline.set() && points.stream().noneMatch(p -> p.id() != null && p.id().equals(deadline.pointToClarify()))) {
				// A deadline the text leaves open says which point asks the committee for it.
				fault(append(path, "deadline", "pointToClarify"), Wording.of("convention.fault.deadlinePoint"));
			}
		}
	}

	void checkOthers(ConventionFile f, Set<String> parties, Set<String> components, List<PointToClarify> points) {
		new SecurityChecks(yaml).check(f, parties, components, points);
		var finance = f.finance();
		if (finance != null) {
			if (finance.pricePerPupil() == null || finance.pricePerPupil().signum() <= 0) {
				fault(List.of("finance", "pricePerPupil"), Wording.of("convention.fault.pricePerPupil"));
			}
			if (finance.split() == null || finance.split().evolutiveMaintenance() == null || finance.split().investment() == null
					|| finance.split().evolutiveMaintenance().add(finance.split().investment()).compareTo(BigDecimal.ONE) != 0) {
				fault(List.of("finance", "split"), Wording.of("convention.fault.split"));
			}
			if (finance.syntec() == null || finance.syntec().base() == null || finance.syntec().base().signum() <= 0) {
				fault(List.of("finance", "syntec"), Wording.of("convention.fault.syntec"));
			}
			if (finance.headcount() == null) {
				fault(List.of("finance"), Wording.of("convention.fault.headcount"));
			}
		}
		var committees = nonNull(f.committees());
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < committees.size(); i++) {
			var committee = committees.get(i);
			if (committee.code() == null || !codes.add(committee.code())) {
				fault(List.of("committees", i, "code"), Wording.of("convention.fault.committeeCode"));
			}
			if (committee.cadence() == null || committee.cadence().isZero() || committee.cadence().isNegative()) {
				fault(List.of("committees", i, "cadence"), Wording.of("convention.fault.cadence"));
			}
			partyRef(committee.convenedBy(), List.of("committees", i, "convenedBy"), parties);
			var members = nonNull(committee.members());
			for (int j = 0; j < members.size(); j++) {
				partyRef(members.get(j).party(), List.of("committees", i, "members", j, "party"), parties);
			}
		}
	}
}
