package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@EntenteTest
class DirectoryTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Establishments establishments;

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
	}

	@Test
	void establishmentsNeedAnAccount() {
		var anonymous = mvc.get().uri("/api/v1/establishments").exchange();
		assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(anonymous.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

		var signedIn = mvc.get().uri("/api/v1/establishments").with(as("agent.cd")).exchange();
		assertThat(signedIn).hasStatusOk();
		assertThat(signedIn).bodyJson().extractingPath("$[*].uai").asArray().contains("0359901X");
		assertThat(signedIn).bodyJson().extractingPath("$[*].kind").asArray().contains("COLLEGE", "CITE_SCOLAIRE");
	}

	@Test
	void demoDataIsMarkedAndValid() {
		assertThat(jdbc.sql("select uai from establishment where demo").query(String.class).list())
			.isNotEmpty()
			.allSatisfy(uai -> {
				assertThat(uai).startsWith("035");
				assertThat(Uai.problem(uai)).isNull();
			});
		assertThat(accounts.find("admin")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String hash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(EntenteTest.PASSWORD);
		assertThat(encoder.matches(EntenteTest.PASSWORD, hash)).isTrue();
	}

	// Wrong passwords and locks: LoginThrottleTests, with their own accounts and addresses.

	@Test
	void aSavedEstablishmentIsReadBackAtOnceThoughLookUpsAreRemembered() {
		Establishment before = establishments.find("0359910G").orElseThrow();
		try {
			establishments.save(new Establishment(before.uai(), before.name() + " (renommé)", before.commune(), before.kind(), before.demo()));
			assertThat(establishments.find("0359910G")).hasValueSatisfying(e -> assertThat(e.name()).endsWith("(renommé)"));
			// Written behind its back (another instance): the remembered row stays for at most a minute.
			jdbc.sql("update establishment set name = 'Ailleurs' where uai = '0359910G'").update();
			assertThat(establishments.find("0359910G")).hasValueSatisfying(e -> assertThat(e.name()).endsWith("(renommé)"));
		}
		finally {
			establishments.save(before);
		}
		assertThat(establishments.find("0359910G")).contains(before);
		assertThat(establishments.find("0359999Z")).isEmpty();
	}

	@Test
	void formLoginWorksAndAWrongPasswordSaysSo() {
		var ok = mvc.post().uri("/connexion").param("username", "college").param("password", EntenteTest.PASSWORD)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).exchange();
		assertThat(ok).hasStatus(HttpStatus.FOUND);
		assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/");
		var wrong = mvc.post().uri("/connexion").param("username", "college").param("password", "nope")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).exchange();
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/connexion?error");
		assertThat(mvc.get().uri("/connexion?error").exchange()).bodyText().contains("Identifiant ou mot de passe incorrect");
	}
}
