package org.entente.convention;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Set;

/** Part 4 of the operational annex: indicators, criticality of services and data, clocks, priority classes. */
public record ServiceLevels(String clause, List<CriticalService> criticalServices, List<CriticalData> criticalData,
		List<CriticalData> nonCriticalData, List<Clock> clocks, List<PriorityClass> priorityClasses,
		List<Indicator> indicators) {

	/** An indicator of §4 (satisfaction survey, monthly statistics, …), with its cadence when the text gives one. */
	public record Indicator(String code, String label, Period cadence, String text, String clause) {
	}

	/** A service or equipment the convention lists as critical, with the components it covers. */
	public record CriticalService(String label, List<String> components) {
	}

	/** Data the text classes as critical (with maximum loss and retention) or not critical. */
	public record CriticalData(String code, String label, Period maxDataLoss, Period retention) {
	}

	/** A service-level clock for critical unavailability, in working days, paused in the listed statuses. */
	public record Clock(String code, String label, BigDecimal workingDays, Set<String> pausedIn, String condition) {
	}

	/** The order in which non-critical requests are taken. */
	public record PriorityClass(int rank, String code, String label) {
	}

	public boolean isCritical(String componentCode) {
		return criticalServices.stream().anyMatch(s -> s.components().contains(componentCode));
	}

	public Clock clock(String code) {
		return clocks.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
	}
}
