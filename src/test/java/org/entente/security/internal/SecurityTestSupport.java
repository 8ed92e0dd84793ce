package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import java.io.UnsupportedEncodingException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.entente.directory.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Helpers of the security tests: a demo account per role, reports, steps. */
final class SecurityTestSupport {

	static final String COLLEGE = "0359901X";
	static final String COLLEGE2 = "0359902Y";

	/** One demo account for every role of the directory (the test fails if a role is added without one). */
	static final Map<Role, String> ACCOUNTS = new EnumMap<>(Map.of(Role.ADMIN, "admin", Role.CD_AGENT, "agent.cd",
			Role.ACA_AGENT, "agent.aca", Role.LEVEL1_AGENT, "niveau1", Role.SCHOOL_STAFF, "college", Role.CONTRACTOR,
			"prestataire", Role.RSSI, "rssi", Role.DPO, "dpd", Role.FINANCE, "finances", Role.INVENTORY_AGENT, "glpi-agent"));

	static {
		ACCOUNTS.put(Role.JOURNAL_OPERATOR, "journal");
		ACCOUNTS.put(Role.CD_MANAGER, "gestion.cd");
		ACCOUNTS.put(Role.ACA_MANAGER, "gestion.aca");
	}

	private SecurityTestSupport() {
	}

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	static String content(MvcTestResult r) {
		try {
			return r.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String incident(String uai, String component, boolean personalData, String extra) {
		return """
				{"establishments":["%s"],"component":"%s","title":"%s","description":"Un message suspect demandait le mot de passe.",
				 "detectedAt":"2026-03-14T09:30:00+01:00","personalData":%s%s}"""
			.formatted(uai, component, unique("Message suspect"), personalData, extra);
	}

	static MvcTestResult report(MockMvcTester mvc, String user, String json) {
		return mvc.post().uri("/api/v1/security/incidents").with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json).exchange();
	}

	static long reported(MockMvcTester mvc, String user, String json) {
		MvcTestResult r = report(mvc, user, json);
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	static String etag(MockMvcTester mvc, String user, long id) {
		MvcTestResult r = mvc.get().uri("/api/v1/security/incidents/" + id).with(as(user)).exchange();
		assertThat(r).hasStatusOk();
		return r.getResponse().getHeader("ETag");
	}

	static MvcTestResult step(MockMvcTester mvc, String user, long id, String json) {
		return mvc.post().uri("/api/v1/security/incidents/" + id + "/transitions").with(as(user))
			.header("If-Match", etag(mvc, "rssi", id)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}
}
