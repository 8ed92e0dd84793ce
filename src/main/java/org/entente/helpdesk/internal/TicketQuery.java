package org.entente.helpdesk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.entente.common.ProblemException;
import org.entente.helpdesk.TicketStatus;
import org.entente.worktime.Criticality;

/**
 * What a list asks for (filters, search), with the scope the caller's account entitles ({@link TicketAccess#scope}),
 * turned into one portable SQL where clause. The scope is always part of the clause: a ticket outside it is never
 * listed.
 */
record TicketQuery(String establishment, String party, TicketStatus status, Criticality criticality, String sla,
		String q, Integer level, String assignee, boolean openOnly, String sort, String requestType) {

	/** The order of the agents' queues (annexe §4): criticality, then priority class, then age. */
	static final String PRIORITY = "priority";

	/**
	 * {@code sort}: absent (newest first) or {@value #PRIORITY}; anything else is a 400 naming « sort ». Criticality
	 * sorts on its stored name, CRITICAL before NON_CRITICAL (checked by the tests); a ticket without a priority class
	 * (a critical incident) comes after the classed ones of its criticality. {@code requestType}: a code of the
	 * convention's request types (ENROLMENT, SPARE_ORDER), in capitals; {@link TicketLookup#list} refuses one the
	 * convention in force does not name.
	 */
	TicketQuery {
		if (sort != null && sort.isBlank()) {
			sort = null;
		}
		requestType = blank(requestType) == null ? null : requestType.trim().toUpperCase(Locale.ROOT);
		if (sort != null && !PRIORITY.equals(sort)) {
			throw ProblemException.invalid("sort", "Tri « " + sort + " » inconnu : « priority » (criticité, classe de "
					+ "priorité de l'annexe §4, ancienneté) ou rien (les plus récents d'abord).");
		}
	}

	TicketQuery(String establishment, String party, TicketStatus status, Criticality criticality, String sla, String q,
			Integer level, String assignee, boolean openOnly, String sort) {
		this(establishment, party, status, criticality, sla, q, level, assignee, openOnly, sort, null);
	}

	TicketQuery(String establishment, String party, TicketStatus status, Criticality criticality, String sla, String q,
			Integer level, String assignee, boolean openOnly) {
		this(establishment, party, status, criticality, sla, q, level, assignee, openOnly, null);
	}

	/**
	 * The order by clause: newest first, or by priority, which the index {@code ix_ticket_priority} (V34) gives in
	 * that order.
	 */
	String orderBy() {
		return PRIORITY.equals(sort) ? "order by t.criticality, t.priority_class nulls last, t.opened_at, t.id"
				: "order by t.id desc";
	}

	/** The text a search reads, one expression so that PostgreSQL can index it (see V32__TicketSearchIndex). */
	static final String SEARCHED = "lower(title) || ' ' || lower(description) || ' ' || lower(number)";

	static final TicketQuery ALL = new TicketQuery(null, null, null, null, null, null, null, null, false);

	/** A clause and its positional parameters. */
	record Sql(String clause, List<Object> params) {
	}

	/**
	 * The open statuses as a SQL list. The party's open tickets are named by value, not « not in (closed ones) », so
	 * that they are one range of {@code ix_ticket_party (party, status, ticket_id)}; with the statistics of
	 * V110__TicketPartyStatistics PostgreSQL then knows a party with few open tickets (the ACA's queue) and sorts
	 * them instead of reading the whole priority index.
	 */
	static final String OPEN_STATUSES = java.util.Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
		.map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));

	/** A party or request type code that may be written into SQL as it is (CD, ACA, EPLE, ENROLMENT…). */
	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

	/**
	 * What follows {@code select t.*}: the tables (with the parties' index joined when a party is asked for) and the
	 * where clause. Statuses, criticality, service-level state, level and party codes are few, checked values, and
	 * are written as literals: their frequencies differ by orders of magnitude (a few « at risk » among a million
	 * « OK »), and a statement prepared with parameters would be planned once for all of them, which PostgreSQL
	 * does after five runs, making the rare-value queues read the whole table.
	 */
	Sql toSql(Sql scope) {
		String from = "ticket t";
		List<Object> params = new ArrayList<>();
		List<String> where = new ArrayList<>();
		if (blank(party) != null) {
			String code = party.trim().toUpperCase(Locale.ROOT);
			if (CODE.matcher(code).matches()) {
				from += " join ticket_party p on p.ticket_id = t.id and p.party = '" + code + "'"
						+ (status != null ? " and p.status = '" + status.name() + "'"
								: openOnly ? " and p.status in (" + OPEN_STATUSES + ")" : "");
			}
			else {
				where.add("1 = 0"); // not a party code: no ticket is routed to it
			}
		}
		where.add(scope.clause());
		params.addAll(scope.params());
		if (blank(establishment) != null) {
			where.add("t.establishment = ?");
			params.add(establishment.trim().toUpperCase(Locale.ROOT));
		}
		if (status != null) {
			where.add("t.status = '" + status.name() + "'");
		}
		else if (openOnly) {
			// With a request type, the open statuses by value, one range of ix_ticket_request_type (request_type,
			// status): with « not in », only a filter there, PostgreSQL read ix_ticket_priority in order instead
			// (836 ms against 1.4 ms for the open enrolments by priority at 1M tickets, docs/benchmarks.md).
			where.add(requestType != null ? "t.status in (" + OPEN_STATUSES + ")" : "t.status not in ('RESOLVED', 'CLOSED')");
		}
		if (criticality != null) {
			where.add("t.criticality = '" + criticality.name() + "'");
		}
		if ("AT_RISK".equals(sla) || "BREACHED".equals(sla)) {
			where.add("t.sla_state = '" + sla + "'");
		}
		if (level != null) {
			where.add("t.level = " + level.intValue());
		}
		if (requestType != null) {
			// A literal, as the other rare values: index ix_ticket_request_type (request_type, status) of V39.
			where.add(CODE.matcher(requestType).matches() ? "t.request_type = '" + requestType + "'" : "1 = 0");
		}
		if (blank(assignee) != null) {
			where.add("t.assignee = ?");
			params.add(assignee);
		}
		if (blank(q) != null) {
			where.add(SEARCHED + " like " + searchLiteral(q));
		}
		return new Sql(from + " where " + String.join(" and ", where), params);
	}

	/**
	 * The words searched for as a SQL string literal {@code '%words%'}: lower case, without LIKE wildcards, escape
	 * characters or control characters, quotes doubled. A literal, not a parameter, for the reason given on
	 * {@link #toSql}: a rare word and a frequent one need different plans (the trigram index or the newest tickets).
	 */
	static String searchLiteral(String q) {
		String words = q.trim().toLowerCase(Locale.ROOT).replaceAll("[\\\\%_\\p{Cntrl}]", "");
		return "'%" + words.replace("'", "''") + "%'";
	}

	/** The query string of these filters, for links, saved filters and the CSV export. */
	String queryString() {
		List<String> parts = new ArrayList<>();
		add(parts, "establishment", establishment);
		add(parts, "party", party);
		add(parts, "status", status == null ? null : status.name());
		add(parts, "criticality", criticality == null ? null : criticality.name());
		add(parts, "sla", sla);
		add(parts, "q", q);
		add(parts, "level", level == null ? null : level.toString());
		add(parts, "assignee", assignee);
		add(parts, "requestType", requestType);
		if (openOnly) {
			parts.add("openOnly=true");
		}
		add(parts, "sort", sort);
		return String.join("&", parts);
	}

	private static void add(List<String> parts, String name, String value) {
		if (blank(value) != null) {
			parts.add(name + "=" + java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
