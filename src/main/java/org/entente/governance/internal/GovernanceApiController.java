package org.entente.governance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.entente.governance.EntContribution;
import org.entente.governance.LifecycleStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The governance API: the ENT contribution of a year (or a what-if) and where the convention stands today. */
@RestController
@RequestMapping("/api/v1/governance")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Gouvernance", description = "Contribution ENT et cycle de vie de la convention")
class GovernanceApiController {

	record Split(BigDecimal evolutiveMaintenance, BigDecimal investment) {
	}

	record ContributionResponse(int year, int pupils, BigDecimal pricePerPupil, BigDecimal syntecIndex,
			BigDecimal syntecBase, BigDecimal coefficient, int months, long amount, Split split,
			String conventionVersion) {
	}

	record LifecycleResponse(LocalDate validFrom, LocalDate validTo, LocalDate renewalWindowOpensOn, long daysLeft,
			boolean renewalWindowOpen) {
	}

	private final EntContributions contributions;
	private final ConventionLifecycle lifecycle;

	GovernanceApiController(EntContributions contributions, ConventionLifecycle lifecycle) {
		this.contributions = contributions;
		this.lifecycle = lifecycle;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Contribution ENT d'une année",
			description = "Le montant dû pour l'année (ou une simulation : élèves, indice Syntec, mois) et sa répartition.")
	@GetMapping("/ent-contribution")
	ContributionResponse contribution(@RequestParam int year, @RequestParam(required = false) Integer pupils,
			@RequestParam(required = false) BigDecimal syntecIndex, @RequestParam(required = false) Integer months) {
		EntContribution c = contributions.compute(year, pupils, syntecIndex, months);
		return new ContributionResponse(c.year(), c.pupils(), c.pricePerPupil(), c.syntecIndex(), c.syntecBase(),
				c.coefficient(), c.months(), c.amount(),
				new Split(c.split().evolutiveMaintenance(), c.split().investment()), c.conventionVersion());
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Cycle de vie de la convention",
			description = "Dates de validité, ouverture de la fenêtre de renouvellement, jours restants.")
	@GetMapping("/lifecycle")
	LifecycleResponse lifecycle() {
		LifecycleStatus s = lifecycle.status();
		return new LifecycleResponse(s.validFrom(), s.validTo(), s.renewalWindowOpensOn(), s.daysLeft(),
				s.renewalWindowOpen());
	}
}
