package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.util.UUID;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Référentiel and catalogue, own-funds purchases routed by network, software catalogues. */
@EntenteTest
class PolicyApiTests {

	@Autowired
	MockMvcTester mvc;

	private final JsonMapper json = JsonMapper.builder().build();

	MvcTestResult post(String user, String uri, String body) {
		return mvc.post().uri(uri).contentType("application/json").content(body).with(as(user)).exchange();
	}

	JsonNode body(MvcTestResult r) {
		return json.readTree(r.getResponse().getContentAsByteArray());
	}

	void publishReferentielAndCatalogue() {
		assertThat(post("agent.cd", "/api/v1/inventory/referentiel", """
				{"note":"Référentiel 2025","lines":[
				 {"component":"VIDEOPROJECTEURS","label":"Vidéoprojecteur par salle","quantity":30,"minQuantity":20,"maxQuantity":60,"renewalYears":7},
				 {"component":"STATIONS_ADMINISTRATIVES","label":"Poste administratif","quantity":12,"minQuantity":8,"maxQuantity":40,"renewalYears":5}]}"""))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post("agent.cd", "/api/v1/inventory/catalogue", """
				{"items":[{"code":"VP-EPSON-W51","component":"VIDEOPROJECTEURS","label":"Epson EB-W51","unitPrice":489.00}]}"""))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void referentielIsTheDepartmentsAndIsChecked() {
		assertThat(post("agent.aca", "/api/v1/inventory/referentiel", "{\"lines\":[]}")).hasStatus(HttpStatus.FORBIDDEN);
		var bad = post("agent.cd", "/api/v1/inventory/referentiel", """
				{"lines":[{"component":"GESTION_SCOLARITE","label":"x","quantity":5,"minQuantity":6,"maxQuantity":4,"renewalYears":0}]}""");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(bad).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.contains("lines[0].component", "lines[0].quantity", "lines[0].renewalYears");
		publishReferentielAndCatalogue();
		var equity = mvc.get().uri("/api/v1/inventory/equity").with(as("college")).exchange();
		assertThat(equity).hasStatusOk();
		assertThat(body(equity).valueStream().allMatch(e -> e.get("uai").asString().equals("0359901X"))).isTrue();
		assertThat(body(equity).get(0).get("position").asString()).isIn("BELOW", "WITHIN", "ABOVE");
		assertThat(mvc.get().uri("/api/v1/inventory/renewals?asOf=2040-01-01").with(as("agent.cd")).exchange())
			.hasStatusOk();
	}

	@Test
	void ownFundsPurchaseGoesToTheRightPartyAndRegistersOwnFundsAssets() {
		publishReferentielAndCatalogue();
		var submitted = post("college2", "/api/v1/inventory/purchases", """
				{"component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","quantity":2,"catalogueItem":"VP-EPSON-W51",
				 "description":"Deux vidéoprojecteurs pour les salles de sciences"}""");
		assertThat(submitted).hasStatus(HttpStatus.CREATED);
		long id = body(submitted).get("id").asLong();
		assertThat(body(submitted).get("routedTo").asString()).isEqualTo("CD");
		assertThat(body(submitted).get("funding").asString()).isEqualTo("OWN_FUNDS_CATALOGUE");

		assertThat(mvc.get().uri("/api/v1/inventory/purchases/" + id).with(as("college")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("agent.aca", "/api/v1/inventory/purchases/" + id + "/decision", "{\"approved\":true,\"comment\":\"ok\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("college2", "/api/v1/inventory/purchases/" + id + "/assets", "[]")).hasStatus(HttpStatus.CONFLICT);
		var decided = post("agent.cd", "/api/v1/inventory/purchases/" + id + "/decision",
				"{\"approved\":true,\"comment\":\"Conforme au référentiel et au catalogue.\"}");
		assertThat(decided).hasStatusOk();
		assertThat(body(decided).get("status").asString()).isEqualTo("APPROVED");

		String s = UUID.randomUUID().toString().substring(0, 8);
		var registered = post("college2", "/api/v1/inventory/purchases/" + id + "/assets", """
				[{"name":"VP-0359902Y-S12-01","serial":"VP-%s-1","manufacturer":"Epson","model":"EB-W51","acquired":"2025-10-01","warrantyEnd":"2028-10-01"}]"""
			.formatted(s));
		assertThat(registered).hasStatus(HttpStatus.CREATED);
		long assetId = body(registered).get(0).asLong();
		var asset = mvc.get().uri("/api/v1/assets/" + assetId).with(as("college2")).exchange();
		assertThat(body(asset).get("funding").asString()).isEqualTo("OWN_FUNDS_CATALOGUE");

		// Administrative network: routed to the Académie. Beyond the référentiel's maximum: refused.
		var admin = post("college2", "/api/v1/inventory/purchases", """
				{"component":"STATIONS_ADMINISTRATIVES","network":"ADMINISTRATIVE","quantity":1,"description":"Poste pour l'intendance"}""");
		assertThat(body(admin).get("routedTo").asString()).isEqualTo("ACA");
		assertThat(body(admin).get("funding").asString()).isEqualTo("OWN_FUNDS_OTHER");
		var tooMany = post("college2", "/api/v1/inventory/purchases", """
				{"component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","quantity":100,"description":"Beaucoup"}""");
		assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(tooMany).at("/errors/0/field").asString()).isEqualTo("quantity");
		assertThat(post("college2", "/api/v1/inventory/purchases", """
				{"component":"TABLETTES","network":"PEDAGOGICAL","quantity":1,"description":"Hors référentiel"}""")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("agent.cd", "/api/v1/inventory/purchases", """
				{"component":"VIDEOPROJECTEURS","network":"PEDAGOGICAL","quantity":1,"description":"x"}""")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void paidPedagogicalSoftwareWaitsForTheDepartmentsAgreement() {
		String name = "Logiciel " + UUID.randomUUID().toString().substring(0, 6);
		String paid = """
				{"catalogue":"PEDAGOGICAL","name":"%s","version":"2025","publisher":"Éditeur","licence":"PAID",
				 "accessibility":"RGAA partiel","systems":"Windows 11","packageStatus":"IN_PROGRESS","reviewDate":"2026-09-01"}""".formatted(name);
		assertThat(post("agent.cd", "/api/v1/inventory/software", paid)).hasStatus(HttpStatus.FORBIDDEN);
		var created = post("agent.aca", "/api/v1/inventory/software", paid);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(body(created).get("status").asString()).isEqualTo("PENDING_CD_AGREEMENT");
		long id = body(created).get("id").asLong();
		assertThat(post("agent.aca", "/api/v1/inventory/software/" + id + "/cd-agreement", "{}")).hasStatus(HttpStatus.FORBIDDEN);
		var agreed = post("agent.cd", "/api/v1/inventory/software/" + id + "/cd-agreement", "{}");
		assertThat(body(agreed).get("status").asString()).isEqualTo("LISTED");
		var updated = mvc.put().uri("/api/v1/inventory/software/" + id).contentType("application/json")
			.content(paid.replace("IN_PROGRESS", "AVAILABLE")).with(as("agent.aca")).exchange();
		assertThat(body(updated).get("packageStatus").asString()).isEqualTo("AVAILABLE");
		var history = body(mvc.get().uri("/api/v1/inventory/software/" + id + "/history").with(as("college")).exchange());
		assertThat(history.valueStream().map(h -> h.get("field").asString()).toList()).contains("packageStatus", "status", "created");

		var free = post("agent.aca", "/api/v1/inventory/software", paid.replace("PAID", "FREE").replace(name, name + " libre"));
		assertThat(body(free).get("status").asString()).isEqualTo("LISTED");
		String wanted = "Scratch " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(post("college", "/api/v1/inventory/software/requests", "{\"catalogue\":\"PEDAGOGICAL\",\"name\":\"" + wanted + "\",\"version\":\"3.0\"}"))
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(post("agent.cd", "/api/v1/inventory/software/requests", "{\"catalogue\":\"PEDAGOGICAL\",\"name\":\"Scratch\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		// The desk opens the request in the collège's name: priority class 2, on the catalogues policy, for the ACA.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode items = body(mvc.get().uri("/api/v1/tickets").param("q", wanted).with(as("college")).exchange())
				.get("items");
			assertThat(items.size()).isEqualTo(1);
			JsonNode ticket = body(mvc.get().uri("/api/v1/tickets/" + items.get(0).get("id").asLong())
				.with(as("college")).exchange());
			assertThat(ticket.get("title").asString()).isEqualTo("Ajout au catalogue pédagogique : " + wanted + " 3.0");
			assertThat(ticket.get("kind").asString()).isEqualTo("REQUEST");
			assertThat(ticket.get("priorityClass").asInt()).isEqualTo(2);
			assertThat(ticket.get("component").asString()).isEqualTo("CATALOGUES_LOGICIELS");
			assertThat(ticket.get("routing").get("parties").valueStream().map(JsonNode::asString).toList()).containsExactly("ACA");
			assertThat(ticket.get("requester").asString()).isEqualTo("college");
		});
	}
}
