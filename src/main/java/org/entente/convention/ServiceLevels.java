package org.entente.convention;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Set;

/** Part 4 of the operational annex: indicators, criticality of services and data, clocks, priority classes. */
public record ServiceLevels(String clause, List<CriticalService> criticalServices, List<CriticalData> criticalData,
		List<CriticalData> nonCriticalData, List<Clock> clocks, List<PriorityClass> priorityClasses,
		List<Indicator> indicators, List<RequestType> requestTypes) {

	public ServiceLevels {
		requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
	}

	/** The request type of this code, or null. */
	public RequestType requestType(String code) {
		return code == null ? null : requestTypes.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
	}

	/**
	 * An indicator of §4 (satisfaction survey, monthly statistics, …), with its cadence when the text gives one, and
	 * the parties it gives a reading of every request of the convention's collèges ({@code readers}: the
	 * Département's « tableau de bord synthétique »), without acting on them.
	 */
	public record Indicator(String code, String label, Period cadence, String text, String clause, List<String> readers) {

		public Indicator {
			readers = readers == null ? List.of() : List.copyOf(readers);
		}
	}

	/** A service or equipment the convention lists as critical, with the components it covers. */
	public record CriticalService(String label, List<String> components) {
	}

	/** Data the text classes as critical (with maximum loss and retention) or not critical. */
	public record CriticalData(String code, String label, Period maxDataLoss, Period retention) {
	}

	/**
	 * A service-level clock for critical unavailability, in working days, paused in the listed statuses.
	 * {@code bindingFor}: the parties the text binds to this deadline (a commitment); for the others the time is
	 * indicative, never escalated as a breach. Absent: binding for every party.
	 */
	public record Clock(String code, String label, BigDecimal workingDays, Set<String> pausedIn, String condition,
			List<String> bindingFor) {

		/** Whether the deadline is a commitment of one of these (responsible) parties. */
		public boolean binds(List<String> parties) {
			return bindingFor == null || parties.stream().anyMatch(bindingFor::contains);
		}
	}

	/** The order in which non-critical requests are taken. */
	public record PriorityClass(int rank, String code, String label) {
	}

	/** Whether an indicator gives this party a reading of every request of the convention's collèges. */
	public boolean readsAllRequests(String party) {
		return party != null && indicators != null && indicators.stream().anyMatch(i -> i.readers().contains(party));
	}

	/** The clause that gives this party that reading, or null. */
	public String allRequestsClause(String party) {
		return indicators == null ? null : indicators.stream().filter(i -> party != null && i.readers().contains(party))
			.map(Indicator::clause).findFirst().orElse(null);
	}

	/** The data class of this code, critical or not (null when the file names no such class). */
	public CriticalData dataClass(String code) {
		return java.util.stream.Stream.concat(criticalData == null ? java.util.stream.Stream.empty() : criticalData.stream(),
				nonCriticalData == null ? java.util.stream.Stream.empty() : nonCriticalData.stream())
			.filter(d -> d.code().equals(code)).findFirst().orElse(null);
	}

	/** Whether the text classes these data as critical (« données administratives », « pédagogiques partagées »). */
	public boolean isCriticalData(String code) {
		return criticalData != null && criticalData.stream().anyMatch(d -> d.code().equals(code));
	}

	public boolean isCritical(String componentCode) {
		return criticalServices.stream().anyMatch(s -> s.components().contains(componentCode));
	}

	public Clock clock(String code) {
		return clocks.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
	}
}
