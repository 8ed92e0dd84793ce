package org.entente.helpdesk.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.entente.common.StoredText;
import org.entente.directory.DirectoryProperties;
import org.entente.directory.Uai;
import org.entente.helpdesk.DemoTicketsSeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode's tickets: a few hundred over the last six months, on the demo collèges, so that a fresh start shows the
 * indicators filled. Marked as demo (number {@code DEMO-…}, title « [Démo] »), written once, in batches (a few
 * hundred milliseconds at start-up), with their history (opening, take-charge, resolution, closure, some hand-backs)
 * and some survey answers; {@link DemoTicketsSeeded} then tells reporting to rebuild. Off unless
 * {@code entente.demo.enabled} and {@code entente.demo.tickets} (the tests count tickets: off there).
 */
@Component
@Order(5)
class DemoTickets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

	/** The demo lines' words, read in the reader's language (their French is the line's {@code detail}). */
	private static final String OPENED = StoredText.message("helpdesk.event.demoOpened").json();
	private static final String HANDED_BACK = StoredText.message("helpdesk.event.demoHandedBack").json();

	static final int COUNT = 360;

	/** Component → its parties, as the convention routes them (roughly: these are demo data). */
	private static final List<Map.Entry<String, String>> COMPONENTS = List.of(Map.entry("VIDEOPROJECTEURS", ",CD,"),
			Map.entry("IMPRESSION_PEDAGOGIQUE", ",CD,"), Map.entry("STATIONS_PEDAGOGIQUES", ",CD,"),
			Map.entry("BORNES_WIFI", ",CD,"), Map.entry("ADDUCTION_INTERNET", ",CD,"), Map.entry("TABLETTES", ",CD,EPLE,"),
			Map.entry("TOUTATICE_PORTAIL", ",ACA,"), Map.entry("STATIONS_ADMINISTRATIVES", ",ACA,"),
			Map.entry("SERVEUR_HORUS", ",ACA,"), Map.entry("RESEAU_ADMINISTRATIF", ",ACA,"),
			Map.entry("ELEMENTS_ACTIFS", ",ACA,CD,"), Map.entry("TELEPHONIE", ",EPLE,"));

	private static final String[] TITLES = { "Ne fonctionne plus", "Panne intermittente", "Demande d'intervention",
			"Affichage absent", "Connexion impossible", "Lenteurs importantes" };

	private final DirectoryProperties directory;
	private final boolean enabled;
	private final JdbcTemplate jdbc;
	private final ApplicationEventPublisher events;

	DemoTickets(DirectoryProperties directory, @Value("${entente.demo.tickets:false}") boolean enabled, JdbcTemplate jdbc,
			ApplicationEventPublisher events) {
		this.directory = directory;
		this.enabled = enabled;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!directory.demo().enabled() || !enabled) {
			return;
		}
		Integer existing = jdbc.queryForObject("select count(*) from ticket where number like 'DEMO-%'", Integer.class);
		if (existing != null && existing > 0) {
			return;
		}
		long start = System.nanoTime();
		int n = seed(Instant.now());
		events.publishEvent(new DemoTicketsSeeded(n, Instant.now()));
		log.info("Démo : {} tickets de démonstration créés sur les six derniers mois ({} ms)", n, (System.nanoTime() - start) / 1_000_000);
	}

	/** Writes the demo tickets opened before {@code now}; returns how many. */
	int seed(Instant now) {
		ZoneId paris = ZoneId.of("Europe/Paris");
		Random random = new Random(13);
		LocalDate first = now.atZone(paris).toLocalDate().minusMonths(6).withDayOfMonth(1);
		long days = java.time.temporal.ChronoUnit.DAYS.between(first, now.atZone(paris).toLocalDate()) + 1;
		List<Object[]> tickets = new ArrayList<>();
		List<Plan> plans = new ArrayList<>();
		for (int i = 1; i <= COUNT; i++) {
			LocalDate day = first.plusDays((long) ((i - 1) * days / COUNT));
			while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				day = day.minusDays(1);
			}
			ZonedDateTime opened = day.atTime(LocalTime.of(8, 0).plusMinutes(random.nextInt(540))).atZone(paris);
			if (!opened.toInstant().isBefore(now)) {
				continue;
			}
			Map.Entry<String, String> c = COMPONENTS.get(random.nextInt(COMPONENTS.size()));
			String uai = Uai.withCheckLetter(359901 + random.nextInt(10)).value();
			boolean critical = random.nextInt(12) == 0;
			Instant taken = opened.toInstant().plusSeconds(60L * (10 + random.nextInt(critical ? 60 : 600)));
			Instant resolved = taken.plusSeconds(60L * (30 + random.nextInt(critical ? 300 : 4000)));
			Instant closed = resolved.plusSeconds(3600L * (2 + random.nextInt(48)));
			String status = closed.isBefore(now) ? "CLOSED" : resolved.isBefore(now) ? "RESOLVED"
					: taken.isBefore(now) ? "IN_PROGRESS" : "NEW";
			boolean handBack = random.nextInt(15) == 0;
			Integer rating = "CLOSED".equals(status) && random.nextInt(3) == 0 ? 2 + random.nextInt(4) : null;
			String number = "DEMO-%d-%04d".formatted(opened.getYear(), i);
			tickets.add(new Object[] { number, random.nextInt(3) == 0 ? "REQUEST" : "INCIDENT", uai, "college",
					"[Démo] " + TITLES[random.nextInt(TITLES.length)], "Ticket de démonstration (données fictives).", c.getKey(),
					"REPAIR", critical ? "CRITICAL" : "NON_CRITICAL", critical ? null : 1 + random.nextInt(3), status,
					random.nextInt(4) == 0 ? 2 : 1, c.getValue(), "Routage de démonstration", "Annexe opérationnelle §3",
					handBack ? 1 : 0, ts(opened.toInstant()), "CLOSED".equals(status) || "RESOLVED".equals(status) ? ts(resolved) : null,
					"CLOSED".equals(status) ? ts(closed) : null, ts(now) });
			plans.add(new Plan(number, status, opened.toInstant(), taken, resolved, closed, handBack, rating, c.getValue()));
		}
		jdbc.batchUpdate("""
				insert into ticket (number, kind, establishment, requester, title, description, component, intervention,
				  criticality, priority_class, status, level, parties, routing_explanation, routing_clause, convention_version,
				  hand_backs, opened_at, resolved_at, closed_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '1', ?, ?, ?, ?, ?)""", tickets);
		Map<String, Long> ids = new java.util.HashMap<>();
		jdbc.query("select id, number from ticket where number like 'DEMO-%'", rs -> {
			ids.put(rs.getString("number"), rs.getLong("id"));
		});
		List<Object[]> history = new ArrayList<>(), parties = new ArrayList<>(), answers = new ArrayList<>();
		for (Plan p : plans) {
			long id = ids.get(p.number());
			history.add(new Object[] { id, ts(p.opened()), "college", "CREATED", null, "NEW", "Ouverture (démo)", OPENED });
			if (!"NEW".equals(p.status())) {
				history.add(new Object[] { id, ts(p.taken()), "agent.cd", "STATUS", "NEW", "TAKEN_IN_CHARGE", null, null });
			}
			if (p.handBack()) {
				history.add(new Object[] { id, ts(p.taken().plusSeconds(600)), "agent.cd", "HAND_BACK", null, null, "Renvoi au niveau 1 (démo)", HANDED_BACK });
			}
			if ("RESOLVED".equals(p.status()) || "CLOSED".equals(p.status())) {
				history.add(new Object[] { id, ts(p.resolved()), "agent.cd", "STATUS", "TAKEN_IN_CHARGE", "RESOLVED", null, null });
			}
			if ("CLOSED".equals(p.status())) {
				history.add(new Object[] { id, ts(p.closed()), "college", "STATUS", "RESOLVED", "CLOSED", null, null });
			}
			for (String party : p.parties().substring(1).split(",")) {
				parties.add(new Object[] { id, party, p.status() });
			}
			if (p.rating() != null) {
				answers.add(new Object[] { id, p.rating(), "college", ts(p.closed().plusSeconds(3600)) });
			}
		}
		jdbc.batchUpdate("insert into ticket_event (ticket_id, at, actor, type, from_status, to_status, detail, detail_words) values (?, ?, ?, ?, ?, ?, ?, ?)", history);
		jdbc.batchUpdate("insert into ticket_party (ticket_id, party, status) values (?, ?, ?)", parties);
		jdbc.batchUpdate("insert into ticket_satisfaction (ticket_id, rating, answered_by, answered_at) values (?, ?, ?, ?)", answers);
		return plans.size();
	}

	private record Plan(String number, String status, Instant opened, Instant taken, Instant resolved, Instant closed,
			boolean handBack, Integer rating, String parties) {
	}

	private static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}
}
