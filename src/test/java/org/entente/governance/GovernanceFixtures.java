package org.entente.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.entente.convention.Committee;
import org.entente.convention.Convention;
import org.entente.convention.Finance;
import org.entente.convention.Lifecycle;
import org.entente.convention.PointToClarify;

/** The 2025–2026 convention's governance data, built in code so that unit tests do not depend on the YAML file. */
public final class GovernanceFixtures {

	private GovernanceFixtures() {
	}

	public static Finance finance() {
		return new Finance("Annexe financière", new BigDecimal("1.70"),
				new Finance.Headcount(32490, "2024-2025", "fin octobre – début novembre de l'année n-1"),
				new Finance.Syntec(new BigDecimal("313.3"), YearMonth.of(2024, 5), new BigDecimal("313.3")),
				new Finance.Coefficient("INDEX_OVER_BASE", 3), "CEILING_EURO",
				new Finance.Split(new BigDecimal("0.60"), new BigDecimal("0.40")),
				new Finance.Payment(1, "FIRST_HALF", "investissement", "30001 00682 A350 00000000 63", "BDF RENNES",
						"DIRECTION RÉGIONALE DES FINANCES PUBLIQUES DE BRETAGNE", "173 504 309 00019"),
				List.of(new Finance.Year(2025, 4, 18411L), new Finance.Year(2026, 12, 55233L)));
	}

	public static Lifecycle lifecycle() {
		return lifecycle(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 12, 31));
	}

	public static Lifecycle lifecycle(LocalDate validFrom, LocalDate validTo) {
		return new Lifecycle(validFrom, validTo, "Article 7", new Lifecycle.Renewal(6, true, "Article 7"),
				new Lifecycle.Termination(12, "RECEIPT", "Article 7"), null);
	}

	public static List<Committee> committees() {
		return List.of(committee("STRATEGIC", "Comité stratégique", Period.ofMonths(6), "Article 4 a)"),
				committee("OPERATIONAL", "Comité opérationnel", Period.ofMonths(3), "Article 4 b)"),
				committee("EVALUATION", "Comité d'évaluation", Period.ofMonths(6), "Article 4 c)"),
				committee("EXPLOITATION", "Comité d'exploitation", Period.ofMonths(1), "Article 4 d)"));
	}

	public static Committee committee(String code, String name, Period cadence, String clause) {
		return new Committee(code, name, cadence, "CD", clause, List.of("…"),
				List.of(new Committee.Member("CD", "Directeur·ice des Systèmes Numériques", null),
						new Committee.Member("ACA", "Directeur·ice des Systèmes d'Information et de l'Innovation", null)));
	}

	private static PointToClarify point(String id, String clause) {
		return new PointToClarify(id, "Point " + id, null, clause, List.of("Lecture 1", "Lecture 2"), "Lecture 1");
	}

	public static Convention convention() {
		return new Convention("ille-et-vilaine-2025-2026", "1", "Convention de service", lifecycle(), List.of(), List.of(),
				Map.of(), List.of(point("PAC-33", "Annexe financière, 3.1. Calcul de la contribution 2025 et 2026"),
						point("PAC-38", "Article 4")),
				null, null, null, null, finance(), committees(), "convention-2025-2026.yaml", "0");
	}
}
