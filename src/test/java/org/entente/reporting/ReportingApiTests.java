package org.entente.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The monthly statistics API: its contract, its problems and who reads it, and its counts against the desk's own
 * list of tickets for the same month, after events and after a rebuild from scratch.
 */
@EntenteTest
class ReportingApiTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	static String content(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	String monthly(String month) {
		MvcTestResult r = mvc.get().uri("/api/v1/reporting/monthly?month=" + month).with(as("agent.cd")).exchange();
		assertThat(r).hasStatusOk();
		return content(r);
	}

	long open(String user, String component) {
		MvcTestResult r = mvc.post().uri("/api/v1/tickets").with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishment":"0359902Y","title":"Indicateurs %s","description":"Ne marche plus.","component":"%s","intervention":"REPAIR"}"""
				.formatted(UUID.randomUUID(), component))
			.exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	void move(long id, String json) {
		MvcTestResult read = mvc.get().uri("/api/v1/tickets/" + id).with(as("niveau1")).exchange();
		assertThat(mvc.post().uri("/api/v1/tickets/" + id + "/transitions").with(as("niveau1"))
			.header("If-Match", read.getResponse().getHeader("ETag")).contentType(MediaType.APPLICATION_JSON).content(json))
			.hasStatusOk();
	}

	/** What the desk's list (GET /api/v1/tickets, every page) says of a month. */
	record Desk(long opened, long closed, long backlog, Map<String, Long> openedByParty, Map<String, Long> openedByUai) {
	}

	Desk desk(YearMonth month) {
		long opened = 0, closed = 0, backlog = 0;
		Map<String, Long> byParty = new TreeMap<>(), byUai = new TreeMap<>();
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toOffsetDateTime();
		for (int page = 0;; page++) {
			String body = content(mvc.get().uri("/api/v1/tickets?size=200&page=" + page).with(as("admin")).exchange());
			List<Map<String, Object>> items = JsonPath.read(body, "$.items");
			for (Map<String, Object> t : items) {
				OffsetDateTime openedAt = OffsetDateTime.parse((String) t.get("openedAt"));
				OffsetDateTime closedAt = t.get("closedAt") == null ? null : OffsetDateTime.parse((String) t.get("closedAt"));
				if (YearMonth.from(openedAt.atZoneSameInstant(PARIS)).equals(month)) {
					opened++;
					@SuppressWarnings("unchecked")
					List<String> parties = (List<String>) t.get("parties");
					parties.forEach(p -> byParty.merge(p, 1L, Long::sum));
					byUai.merge((String) t.get("establishment"), 1L, Long::sum);
				}
				if (closedAt != null && YearMonth.from(closedAt.atZoneSameInstant(PARIS)).equals(month)) {
					closed++;
				}
				if (openedAt.isBefore(end) && (closedAt == null || !closedAt.isBefore(end))) {
					backlog++;
				}
			}
			if (!(Boolean) JsonPath.read(body, "$.hasNext")) {
				return new Desk(opened, closed, backlog, byParty, byUai);
			}
		}
	}

	Desk reporting(YearMonth month) {
		String body = monthly(month.toString());
		Map<String, Long> byParty = new TreeMap<>(), byUai = new TreeMap<>();
		Map<String, Map<String, Number>> parties = JsonPath.read(body, "$.byParty");
		parties.forEach((p, c) -> byParty.put(p, c.get("opened").longValue()));
		List<Map<String, Object>> uais = JsonPath.read(body, "$.byEstablishment");
		uais.forEach(u -> byUai.put((String) u.get("uai"), ((Number) u.get("opened")).longValue()));
		byParty.values().removeIf(v -> v == 0);
		byUai.values().removeIf(v -> v == 0);
		return new Desk(((Number) JsonPath.read(body, "$.opened")).longValue(), ((Number) JsonPath.read(body, "$.closed")).longValue(),
				((Number) JsonPath.read(body, "$.backlogAtEnd")).longValue(), byParty, byUai);
	}

	/** The indicators' listeners have no event left to apply (other test classes share the database and the registry). */
	void settled() {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and listener_id like '%reporting%'")
			.query(Long.class).single() == 0);
	}

	@Test
	void theMonthsCountsAgreeExactlyWithTheDesksList() {
		YearMonth month = YearMonth.now(PARIS);
		settled();
		assertThat(mvc.post().uri("/api/v1/reporting/rebuild").with(as("admin"))).hasStatusOk();
		long closedOne = open("college2", "VIDEOPROJECTEURS");
		move(closedOne, "{\"to\":\"RESOLVED\"}");
		move(closedOne, "{\"to\":\"CLOSED\"}");
		long reopened = open("college2", "ADDUCTION_INTERNET");
		move(reopened, "{\"to\":\"RESOLVED\"}");
		move(reopened, "{\"to\":\"CLOSED\"}");
		move(reopened, "{\"to\":\"IN_PROGRESS\",\"reason\":\"Coupé de nouveau\"}");
		open("college2", "ADDUCTION_INTERNET");

		settled();
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reporting(month)).isEqualTo(desk(month)));
		Desk now = desk(month);
		assertThat(now.closed()).isPositive();
		assertThat(now.openedByUai()).containsKey("0359902Y");

		// From scratch, the same figures.
		assertThat(mvc.post().uri("/api/v1/reporting/rebuild").with(as("admin"))).hasStatusOk()
			.bodyJson().extractingPath("$.tickets").asNumber().satisfies(n -> assertThat(n.longValue()).isPositive());
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reporting(month)).isEqualTo(desk(month)));
	}

	@Test
	void theAnswerHasTheContractsShape() {
		String body = monthly("2026-01");
		assertThat((Map<String, Object>) JsonPath.read(body, "$")).containsOnlyKeys("month", "conventionVersion", "opened",
				"closed", "backlogAtEnd", "byParty", "byEstablishment", "byComponent", "serviceLevels", "handBacks",
				"reopened", "satisfaction", "indicativeServiceLevels");
		assertThat((Map<String, Object>) JsonPath.read(body, "$.indicativeServiceLevels.takeCharge")).containsOnlyKeys("met",
				"breached", "medianWorkingMinutes");
		assertThat((String) JsonPath.read(body, "$.month")).isEqualTo("2026-01");
		assertThat((String) JsonPath.read(body, "$.conventionVersion")).isNotBlank();
		assertThat((Map<String, Object>) JsonPath.read(body, "$.serviceLevels.takeCharge")).containsOnlyKeys("met", "breached",
				"medianWorkingMinutes");
		assertThat((Map<String, Object>) JsonPath.read(body, "$.serviceLevels.restoration")).containsOnlyKeys("met", "breached",
				"medianWorkingMinutes");
		assertThat((Map<String, Object>) JsonPath.read(body, "$.satisfaction")).containsOnlyKeys("answers", "average");
	}

	/** Met plus beyond, for one clock of one figure of the month. */
	long counted(String month, String figure, String clock) {
		String body = monthly(month);
		return ((Number) JsonPath.read(body, "$." + figure + "." + clock + ".met")).longValue()
				+ ((Number) JsonPath.read(body, "$." + figure + "." + clock + ".breached")).longValue();
	}

	@Test
	void theDepartementsIndicativeTimesAreCountedApartFromCommitments() {
		// Annexe §4: the Académie « s'engage » (binding), the Département « intervient au plus tôt » (indicative).
		String month = YearMonth.now(PARIS).toString();
		settled();
		long bindingBefore = counted(month, "serviceLevels", "takeCharge");
		long indicativeBefore = counted(month, "indicativeServiceLevels", "takeCharge");
		long cd = open("college2", "ADDUCTION_INTERNET");
		move(cd, "{\"to\":\"RESOLVED\"}");
		move(cd, "{\"to\":\"CLOSED\"}");
		settled();
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(counted(month, "indicativeServiceLevels", "takeCharge")).isEqualTo(indicativeBefore + 1);
			assertThat(counted(month, "serviceLevels", "takeCharge")).isEqualTo(bindingBefore);
		});
	}

	@Test
	void aBadMonthIsAProblemNamingMonth() {
		for (String bad : List.of("2026-13", "2026-1", "mars", "2026-03-01")) {
			MvcTestResult r = mvc.get().uri("/api/v1/reporting/monthly?month=" + bad).with(as("agent.cd")).exchange();
			assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(r).bodyJson().extractingPath("$.parameter").isEqualTo("month");
			assertThat(r).bodyJson().extractingPath("$.detail").asString().contains("month");
		}
		assertThat(mvc.get().uri("/api/v1/reporting/monthly").with(as("agent.cd"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("month");
	}

	@Test
	void partiesAgentsManagersAndAdministratorsReadOthersDoNot() {
		for (String reader : List.of("agent.cd", "agent.aca", "gestion.cd", "gestion.aca", "admin")) {
			assertThat(mvc.get().uri("/api/v1/reporting/monthly?month=2026-01").with(as(reader))).as(reader).hasStatusOk();
		}
		for (String other : List.of("college", "niveau1", "prestataire", "rssi", "finances")) {
			assertThat(mvc.get().uri("/api/v1/reporting/monthly?month=2026-01").with(as(other))).as(other)
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/api/v1/reporting/monthly?month=2026-01")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/v1/reporting/rebuild").with(as("agent.cd"))).hasStatus(HttpStatus.FORBIDDEN);
	}
}
