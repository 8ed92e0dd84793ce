package org.entente.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.entente.security.internal.SecurityTestSupport.*;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entente.EntenteTest;
import org.entente.directory.Role;
import org.entente.security.RequisitionExports;
import org.entente.security.RequisitionScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/** Requisitions: the record, the CD's answer uploaded or produced by a plugged export source, access by role. */
@EntenteTest
@Import(RequisitionApiTests.FakeJournal.class)
class RequisitionApiTests {

	/** Stands for the connection-log journal to come: the extension point it will implement. */
	@TestConfiguration
	static class FakeJournal {

		@Bean
		RequisitionExports journal() {
			return new RequisitionExports() {
				@Override
				public String name() {
					return "Journal des accès à internet (essai)";
				}

				@Override
				public Optional<Export> export(RequisitionScope scope) {
					if (scope.establishment() == null) {
						return Optional.empty();
					}
					String csv = "horodatage;adresse;url\n2026-03-14T09:31:00+01:00;" + scope.address() + ";http://exemple.invalid\n";
					return Optional.of(new Export("acces-" + scope.reference() + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
							"Empreinte SHA-256 de la chaîne : essai"));
				}
			};
		}
	}

	static final Set<Role> READERS = EnumSet.of(Role.RSSI, Role.CD_AGENT, Role.DPO, Role.ADMIN);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static String requisition(String reference, String extra) {
		return """
				{"requestedBy":"RSSI de l'Académie","authority":"Parquet de Rennes","reference":"%s","legalBasis":"Réquisition judiciaire, art. 60-1 du code de procédure pénale",
				 "scope":"Journaux d'accès à internet du collège pour la période","from":"2026-03-14T08:00:00+01:00","to":"2026-03-14T12:00:00+01:00",
				 "deadline":"2026-03-21T17:00:00+01:00"%s}""".formatted(reference, extra);
	}

	MvcTestResult record(String user, String json) {
		return mvc.post().uri("/api/v1/security/requisitions").with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	long recorded(String extra) {
		MvcTestResult r = record("rssi", requisition(unique("PV"), extra));
		assertThat(r).as(content(r)).hasStatus(HttpStatus.CREATED);
		return ((Number) JsonPath.read(content(r), "$.id")).longValue();
	}

	@Autowired
	java.util.List<org.entente.privacy.PersonalDataHolder> holders;

	/** The account a requisition names is a person's: once their retention ends it is anonymised, the requisition stays. */
	@Test
	void theAccountARequisitionNamesIsAnonymisedWithThePerson() {
		String uid = unique("eleve.depart");
		long id = recorded(",\"establishment\":\"0359901x\",\"account\":\"" + uid + "\"");
		org.entente.privacy.DataSubject subject = new org.entente.privacy.DataSubject(uid, null, null, null, java.util.Set.of());
		org.entente.privacy.PersonalDataHolder security = holders.stream()
			.filter(h -> h.columns().contains("security_requisition.account")).findFirst().orElseThrow();
		assertThat(security.count(subject)).isEqualTo(1);
		security.destroy(subject);
		assertThat(jdbc.sql("select account from security_requisition where id = ?").param(id).query(String.class).single())
			.isEqualTo(org.entente.privacy.DataSubject.ANONYMOUS);
	}

	@Test
	void theRssiRecordsItAndTheCdAnswersWithAFile() {
		long id = recorded(",\"establishment\":\"0359901x\",\"address\":\"10.35.1.12\"");
		MvcTestResult read = mvc.get().uri("/api/v1/security/requisitions/" + id).with(as("agent.cd")).exchange();
		assertThat(read).hasStatusOk().bodyJson().extractingPath("$.legalBasis").asString().contains("60-1");
		assertThat(read).bodyJson().extractingPath("$.establishment").isEqualTo(COLLEGE);
		assertThat(read).bodyJson().extractingPath("$.deadline").isEqualTo("2026-03-21T17:00:00+01:00");
		assertThat(read).bodyJson().extractingPath("$.exportSources").asArray().contains("Journal des accès à internet (essai)", "Journal des connexions");
		MockMultipartFile file = new MockMultipartFile("file", "logs.csv", "text/csv", "a;b\n".getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.post().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("rssi")).multipart().file(file))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult answered = mvc.post().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("agent.cd"))
			.multipart().file(file).param("note", "Extraction faite par le prestataire").exchange();
		assertThat(answered).hasStatusOk().bodyJson().extractingPath("$.answerFilename").isEqualTo("logs.csv");
		assertThat(answered).bodyJson().extractingPath("$.answeredBy").isEqualTo("agent.cd");
		assertThat(mvc.post().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("dpd")).multipart().file(file))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("rssi"))).hasStatusOk()
			.bodyText().isEqualTo("a;b\n");
	}

	@Test
	void aPluggedExportSourceProducesTheAnswer() {
		long id = recorded(",\"establishment\":\"0359901X\",\"address\":\"10.35.1.12\"");
		MvcTestResult wrong = mvc.post().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("dpd"))
			.param("source", "Autre chose").exchange();
		assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
		MvcTestResult r = mvc.post().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("dpd"))
			.param("source", "Journal des accès à internet (essai)").exchange();
		assertThat(r).as(content(r)).hasStatusOk().bodyJson().extractingPath("$.answerNote").asString().contains("SHA-256");
		assertThat(mvc.get().uri("/api/v1/security/requisitions/" + id + "/answer").with(as("agent.cd"))).hasStatusOk()
			.bodyText().contains("10.35.1.12");
		long empty = recorded("");
		assertThat(mvc.post().uri("/api/v1/security/requisitions/" + empty + "/answer").with(as("dpd"))
			.param("source", "Journal des accès à internet (essai)")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/security/requisitions/" + empty + "/answer").with(as("dpd")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		long before = jdbc.sql("select count(*) from security_requisition").query(Long.class).single();
		MvcTestResult r = record("rssi", "{\"reference\":\"\",\"deadline\":\"vendredi\",\"establishment\":\"9999999Z\"}");
		assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
		List<String> fields = JsonPath.read(content(r), "$.errors[*].field");
		assertThat(fields).contains("requestedBy", "reference", "legalBasis", "scope", "deadline");
		MvcTestResult unknown = record("rssi", requisition("PV-1", ",\"establishment\":\"9999999Z\",\"to\":\"2026-03-13T08:00:00+01:00\""));
		List<String> more = JsonPath.read(content(unknown), "$.errors[*].field");
		assertThat(more).containsExactlyInAnyOrder("establishment", "to");
		assertThat(jdbc.sql("select count(*) from security_requisition").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void everyOtherRoleIsRefused() {
		long id = recorded("");
		for (Role role : Role.values()) {
			String user = ACCOUNTS.get(role);
			HttpStatus create = role == Role.RSSI ? HttpStatus.CREATED : HttpStatus.FORBIDDEN;
			assertThat(record(user, requisition(unique("PV"), ""))).as(role.name()).hasStatus(create);
			assertThat(mvc.get().uri("/api/v1/security/requisitions/" + id).with(as(user))).as(role.name())
				.hasStatus(READERS.contains(role) ? HttpStatus.OK : HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri("/api/v1/security/requisitions").with(as(user))).as(role.name())
				.hasStatus(READERS.contains(role) ? HttpStatus.OK : HttpStatus.FORBIDDEN);
		}
	}
}
