package org.entente.helpdesk.internal;

import static org.entente.helpdesk.internal.Inputs.blank;

import java.util.List;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.entente.convention.RequestType;
import org.entente.directory.EntenteUser;
import org.springframework.stereotype.Component;

/**
 * The request types of the convention file ({@code serviceLevels.requestTypes}) at opening: the enrolment of an
 * administrative workstation, the Académie's spare-order notice to the Département. A type fixes the intervention
 * and makes the ticket a request; its component is the caller's if the type lists it, else the type's first; routing
 * then follows the matrix as for any ticket. Only the parties the type names in {@code openedBy} may open it.
 */
@Component
class RequestTypes {

	/** What a deadline the convention leaves open reads (the point to clarify asks the committee for it). */
	static final String TO_BE_SET = "à fixer par le comité";

	private final Conventions conventions;
	private final TicketAccess access;

	RequestTypes(Conventions conventions, TicketAccess access) {
		this.conventions = conventions;
		this.access = access;
	}

	/** The types of the convention in force, for the report form. */
	List<RequestType> all() {
		return conventions.current().serviceLevels().requestTypes();
	}

	/** Where the points page shows a point to clarify. */
	static String pointHref(String pointId) {
		return "/points-a-clarifier#" + pointId;
	}

	/** A ticket's request type, under the convention version it was routed by (null when it has none). */
	RequestType of(Ticket t) {
		if (t.requestType() == null) {
			return null;
		}
		return conventions.version(t.conventionVersion()).orElse(conventions.current()).serviceLevels()
			.requestType(t.requestType());
	}

	/** The type of this code in the convention in force; 400 naming the field « requestType » when there is none. */
	RequestType require(String code) {
		RequestType type = conventions.current().serviceLevels().requestType(code.trim());
		if (type == null) {
			throw ProblemException.invalid("requestType", "Type de demande " + unknown(code))
				.worded("helpdesk.refused.requestType", code, known());
		}
		return type;
	}

	/**
	 * A list filter's code (null: no filter), already in capitals ({@link TicketQuery}): a type of the convention in
	 * force, else 400 naming the query parameter « requestType ».
	 */
	void checkFilter(String code) {
		if (code != null && conventions.current().serviceLevels().requestType(code) == null) {
			throw ProblemException.invalidParameter("requestType", "Paramètre « requestType » : type de demande " + unknown(code))
				.worded("helpdesk.refused.requestTypeFilter", code, known());
		}
	}

	private String unknown(String code) {
		return "« " + code + " » inconnu : " + known() + ".";
	}

	/** The types of the convention in force, as a refusal lists them: {@code CODE (label), …}. */
	private String known() {
		return String.join(", ", all().stream().map(t -> t.code() + " (" + t.label() + ")").toList());
	}

	/** Whether this user may open a request of this type (false when the convention in force has no such type). */
	boolean offeredTo(EntenteUser user, String code) {
		RequestType type = conventions.current().serviceLevels().requestType(code);
		return type != null && mayOpen(user, type);
	}

	private boolean mayOpen(EntenteUser user, RequestType type) {
		return type.openedBy().isEmpty() || access.isAgent(user) && !access.isDesk(user) && type.mayBeOpenedBy(user.party());
	}

	/** The request as its type defines it (unchanged without a type); 403 for a party the type does not name. */
	TicketOpening.NewTicket apply(EntenteUser user, TicketOpening.NewTicket request) {
		if (blank(request.requestType()) == null) {
			return request;
		}
		RequestType type = require(request.requestType());
		if (!mayOpen(user, type)) {
			String openers = String.join(" ou ", type.openedBy());
			throw ProblemException.forbidden("Une demande « " + type.label() + " » est ouverte par un agent de "
					+ openers + " (" + type.clause() + ").")
				.worded("helpdesk.refused.requestTypeOpener", type.label(), openers, type.clause());
		}
		String component = blank(request.component());
		if (component != null && !type.components().contains(component)) {
			String components = String.join(" ou ", type.components());
			throw ProblemException.invalid("component", "Une demande « " + type.label() + " » porte sur "
					+ components + ", pas sur « " + component + " ».")
				.worded("helpdesk.refused.requestTypeComponent", type.label(), components, component);
		}
		if (request.intervention() != null && request.intervention() != type.intervention()) {
			throw ProblemException.invalid("intervention", "Une demande « " + type.label() + " » est du champ "
					+ type.intervention().name() + " (" + type.intervention().label() + ").")
				.worded("helpdesk.refused.requestTypeIntervention", type.label(), type.intervention().name(),
						org.entente.common.Wording.label(type.intervention()));
		}
		return request.asType(component == null ? type.defaultComponent() : component, type.intervention())
			.withRequestType(type.code());
	}
}
