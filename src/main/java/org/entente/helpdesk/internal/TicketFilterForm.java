package org.entente.helpdesk.internal;

import org.entente.helpdesk.TicketStatus;
import org.entente.worktime.Criticality;

/** The list page's filter form (bound from the query string). */
record TicketFilterForm(String establishment, String party, TicketStatus status, Criticality criticality, String sla,
		String q, Integer level, String assignee, Boolean openOnly, Integer page, String sort,
		String requestType) {

	TicketQuery query() {
		return new TicketQuery(establishment, party, status, criticality, sla, q, level, assignee,
				Boolean.TRUE.equals(openOnly), sort, requestType);
	}

	int pageNumber() {
		return page == null ? 0 : page;
	}
}
