package org.entente.governance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.LifecycleStatus;
import org.entente.governance.TerminationNotice;
import org.entente.governance.internal.GovernanceStore.StoredNotice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Article 7 today: the convention in force, the notices recorded against it, and recording a new one. */
@Service
class ConventionLifecycle {

	private final Conventions conventions;
	private final GovernanceStore store;
	private final Clock clock;

	ConventionLifecycle(Conventions conventions, GovernanceStore store, Clock clock) {
		this.conventions = conventions;
		this.store = store;
		this.clock = clock;
	}

	Convention convention() {
		return conventions.current();
	}

	/** True when {@code version} is a recorded version of the convention (an amendment a decision may point at). */
	boolean hasVersion(String version) {
		return conventions.version(version).isPresent();
	}

	ZoneId zone() {
		return ZoneId.of(convention().calendar().zone());
	}

	/** Today in the convention's zone (Europe/Paris), from the application's clock. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(zone()));
	}

	/** Now in the convention's zone, from the application's clock. */
	java.time.LocalDateTime now() {
		return java.time.LocalDateTime.now(clock.withZone(zone()));
	}

	LifecycleStatus status() {
		return status(today());
	}

	LifecycleStatus status(LocalDate today) {
		Convention c = convention();
		List<TerminationNotice> notices = notices().stream()
			.map(n -> new TerminationNotice(n.receivedOn(), n.senderParty(), n.reason()))
			.toList();
		return LifecycleCalculator.status(c.lifecycle(), today, notices);
	}

	List<StoredNotice> notices() {
		return store.notices(convention().id());
	}

	/**
	 * Records a registered letter of termination. A receipt date in the future, before the convention was signed
	 * into force, or a sender that is not a signatory (ACA or CD) is refused with the field at fault.
	 */
	@Transactional
	LocalDate recordNotice(LocalDate receivedOn, String senderParty, String reason, String user) {
		Convention c = convention();
		if (receivedOn.isAfter(today())) {
			throw new GovernanceInputException("receivedOn", "La date de réception ne peut pas être dans le futur.",
					"gov.refused.receivedOnFuture");
		}
		if (receivedOn.isBefore(c.lifecycle().validFrom())) {
			throw new GovernanceInputException("receivedOn", "La convention n'était pas encore en vigueur à cette date (elle commence le "
					+ French.date(c.lifecycle().validFrom()) + ").", "gov.refused.receivedOnEarly", French.date(c.lifecycle().validFrom()));
		}
		if (!List.of("ACA", "CD").contains(senderParty)) {
			throw new GovernanceInputException("sender", "Seuls les signataires (ACA ou CD) peuvent dénoncer la convention.",
					"gov.refused.sender");
		}
		store.addNotice(c.id(), receivedOn, senderParty, reason.strip(), c.version(), user);
		return LifecycleCalculator.effectiveOn(c.lifecycle(), new TerminationNotice(receivedOn, senderParty, reason));
	}
}
