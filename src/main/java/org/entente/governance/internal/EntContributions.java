package org.entente.governance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.entente.convention.Convention;
import org.entente.convention.Finance;
import org.entente.governance.EntContribution;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.internal.GovernanceStore.Payment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The financial annex at work: the amounts of the convention's years, what-ifs, and the yearly payment schedule. */
@Service
class EntContributions {

	/** The annex: «un versement sur le premier semestre de l'année civile». */
	static final MonthDay DUE_BY = MonthDay.of(6, 30);

	/** One calendar year of the schedule: headcount published in n-1, amount, payment due in the first half of n. */
	record YearSchedule(int year, EntContribution contribution, String headcountPublished, LocalDate dueBy,
			boolean paid, LocalDate paidOn, String reference, String recordedBy, boolean late) {
	}

	private final ConventionLifecycle lifecycle;
	private final GovernanceStore store;

	EntContributions(ConventionLifecycle lifecycle, GovernanceStore store) {
		this.lifecycle = lifecycle;
		this.store = store;
	}

	EntContribution compute(int year, Integer pupils, BigDecimal syntecIndex, Integer months) {
		if (year < 2000 || year > 2100) {
			throw new GovernanceInputException("year", "L'année doit être comprise entre 2000 et 2100.",
					"gov.refused.year");
		}
		return EntContributionCalculator.compute(lifecycle.convention(), year, pupils, syntecIndex, months);
	}

	Finance finance() {
		return lifecycle.convention().finance();
	}

	List<YearSchedule> schedule() {
		Convention c = lifecycle.convention();
		LocalDate today = lifecycle.today();
		return c.finance().years().stream().map(y -> {
			EntContribution amount = compute(y.year(), null, null, null);
			Payment payment = store.payment(c.id(), y.year()).orElse(null);
			boolean paid = payment != null && "PAID".equals(payment.status());
			LocalDate dueBy = DUE_BY.atYear(y.year());
			return new YearSchedule(y.year(), amount, c.finance().headcount().publishedAround() + " " + (y.year() - 1),
					dueBy, paid, paid ? payment.paidOn() : null, paid ? payment.reference() : null,
					paid ? payment.recordedBy() : null, !paid && today.isAfter(dueBy));
		}).toList();
	}

	@Transactional
	void markPaid(int year, LocalDate paidOn, String reference, String user) {
		Convention c = lifecycle.convention();
		if (c.finance().years().stream().noneMatch(y -> y.year() == year)) {
			throw new GovernanceInputException("year", "L'annexe financière ne prévoit pas de contribution pour " + year + ".",
					"gov.refused.noContribution", String.valueOf(year));
		}
		if (paidOn.isAfter(lifecycle.today())) {
			throw new GovernanceInputException("paidOn", "La date de paiement ne peut pas être dans le futur.",
					"gov.refused.paidOnFuture");
		}
		if (paidOn.getYear() < year - 1) {
			throw new GovernanceInputException("paidOn", "Date de paiement trop ancienne pour la contribution " + year + ".",
					"gov.refused.paidOnOld", String.valueOf(year));
		}
		store.markPaid(c.id(), year, compute(year, null, null, null).amount(), paidOn,
				reference == null || reference.isBlank() ? null : reference.strip(), c.version(), user);
	}
}
