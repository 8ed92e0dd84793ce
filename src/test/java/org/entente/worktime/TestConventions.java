package org.entente.worktime;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.convention.Convention;
import org.entente.convention.ServiceLevels;
import org.entente.convention.ServiceLevels.Clock;

/** A convention with only what working time reads: the default calendar and the clocks of part 4. */
public final class TestConventions {

	private TestConventions() {
	}

	public static Convention withVersion(String version) {
		List<Clock> clocks = List.of(
				new Clock(WorkTime.TAKE_CHARGE, "Prise en charge et diagnostic", new BigDecimal("0.5"), Set.of("WAITING"), null),
				new Clock(WorkTime.RESTORATION, "Rétablissement", BigDecimal.ONE, Set.of("WAITING"), null),
				new Clock(WorkTime.DATA_RESTORE, "Restauration complète des données", new BigDecimal("2"), Set.of("WAITING"), null));
		ServiceLevels levels = new ServiceLevels("Annexe opérationnelle §4", List.of(), List.of(), clocks, List.of(), List.of());
		return new Convention("test", version, "Convention de test", null, List.of(), List.of(), Map.of(), List.of(),
				WorkingCalendar.defaultRules(), levels, null, null, null, List.of(), "test.yaml", "0");
	}
}
