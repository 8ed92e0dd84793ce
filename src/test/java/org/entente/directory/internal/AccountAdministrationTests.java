package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.entente.MailTest;
import org.entente.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The accounts API and pages: creation, errors that change nothing, scope of managers, disabling, links, audit. */
@MailTest(database = "accounts_admin")
class AccountAdministrationTests {

	static final GreenMailExtension greenMail = MailTest.Smtp.of(AccountAdministrationTests.class);

	static final String STRONG = "une phrase de passe solide";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private static String unique(String prefix) {
		return prefix + "." + Long.toString(System.nanoTime(), 36);
	}

	private long rows(String username) {
		return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single();
	}

	@Test
	void anAdministratorCreatesAnAccountWithAPasswordAndGetsNoSecretBack() {
		String username = unique("agent");
		var created = mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"Agente du CD","email":"%s@ille-et-vilaine.fr","role":"CD_AGENT","password":"%s"}"""
				.formatted(username, username, STRONG))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/accounts/" + username);
		assertThat(created).bodyJson().extractingPath("$.party").isEqualTo("CD");
		assertThat(created).bodyJson().extractingPath("$.enabled").isEqualTo(true);
		assertThat(created).bodyJson().doesNotHavePath("$.password");
		assertThat(created).bodyText().doesNotContain("bcrypt").doesNotContain("hash");

		// The person signs in with it at once.
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, STRONG)).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/accounts/" + username).with(as("admin")).exchange()).bodyJson()
			.extractingPath("$.displayName").isEqualTo("Agente du CD");
		// The audit trail says who created it and with which role; never the password.
		var history = mvc.get().uri("/api/v1/accounts/" + username + "/history").with(as("admin")).exchange();
		assertThat(history).bodyJson().extractingPath("$[*].by").asArray().containsOnly("admin");
		assertThat(history).bodyJson().extractingPath("$[*].action").asArray().contains("CREATED", "PASSWORD_SET");
		assertThat(history.getResponse().getContentAsByteArray()).asString().doesNotContain(STRONG);
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		String username = unique("mauvais");
		String[][] cases = {
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"CHEF\",\"password\":\"" + STRONG + "\"}", "role", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"SCHOOL_STAFF\",\"establishment\":\"0359999C\",\"password\":\"" + STRONG + "\"}", "establishment", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"SCHOOL_STAFF\",\"establishment\":\"0359990N\",\"password\":\"" + STRONG + "\"}", "establishment", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"SCHOOL_STAFF\",\"password\":\"" + STRONG + "\"}", "establishment", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"CD_AGENT\",\"party\":\"ACA\",\"password\":\"" + STRONG + "\"}", "party", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"CD_AGENT\",\"password\":\"azertyuiop123\"}", "password", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"CD_AGENT\",\"password\":\"court\"}", "password", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"X\",\"role\":\"CD_AGENT\"}", "email", "400" },
				{ "{\"username\":\"%s\",\"displayName\":\"\",\"email\":\"x@y.fr\",\"role\":\"CD_AGENT\"}", "displayName", "400" },
				{ "{\"username\":\"admin\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"CD_AGENT\",\"password\":\"" + STRONG + "\"}", "username", "409" } };
		for (String[] c : cases) {
			var response = mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
				.content(c[0].formatted(username)).exchange();
			assertThat(response).as(c[0]).hasStatus(Integer.parseInt(c[2]))
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response).as(c[0]).bodyJson().extractingPath("$.errors[*].field").asArray().contains(c[1]);
		}
		assertThat(rows(username)).isZero();
		assertThat(jdbc.sql("select count(*) from directory_account_change where username = ?").param(username).query(Long.class).single()).isZero();
	}

	@Test
	void onlyAdministratorsAndManagersAdministerAccounts() {
		assertThat(mvc.get().uri("/api/v1/accounts").with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/v1/accounts").with(as("college")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"x1\",\"displayName\":\"X\",\"email\":\"x@y.fr\",\"role\":\"ADMIN\"}").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/accounts").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/comptes").with(as("agent.cd")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aCdManagerManagesTheDepartementsAccountsOnly() {
		String manager = unique("gestion-cd");
		mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Gestion CD\",\"email\":\"g@cd35.fr\",\"role\":\"CD_MANAGER\",\"password\":\"%s\"}"
				.formatted(manager, STRONG))
			.exchange();
		String agent = unique("agent-cd");
		var ok = mvc.post().uri("/api/v1/accounts").with(httpBasic(manager, STRONG)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Agent\",\"email\":\"a@cd35.fr\",\"role\":\"CD_AGENT\",\"password\":\"%s\"}"
				.formatted(agent, STRONG))
			.exchange();
		assertThat(ok).hasStatus(HttpStatus.CREATED);
		String foreign = unique("agent-aca");
		var refused = mvc.post().uri("/api/v1/accounts").with(httpBasic(manager, STRONG)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Agent\",\"email\":\"a@ac-rennes.fr\",\"role\":\"ACA_AGENT\",\"password\":\"%s\"}"
				.formatted(foreign, STRONG))
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("party");
		assertThat(rows(foreign)).isZero();
		var admin = mvc.post().uri("/api/v1/accounts").with(httpBasic(manager, STRONG)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Admin\",\"email\":\"a@cd35.fr\",\"role\":\"ADMIN\",\"password\":\"%s\"}"
				.formatted(foreign, STRONG))
			.exchange();
		assertThat(admin).hasStatus(HttpStatus.FORBIDDEN);
		// Others' accounts are not found, its own party's are listed.
		assertThat(mvc.get().uri("/api/v1/accounts/agent.aca").with(httpBasic(manager, STRONG)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/accounts/admin").with(httpBasic(manager, STRONG)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		var list = mvc.get().uri("/api/v1/accounts?size=200").with(httpBasic(manager, STRONG)).exchange();
		assertThat(list).bodyJson().extractingPath("$.items[*].party").asArray().containsOnly("CD");
		assertThat(list).bodyJson().extractingPath("$.items[*].username").asArray().contains(agent, "agent.cd").doesNotContain("agent.aca", "admin");
		var moveAway = mvc.patch().uri("/api/v1/accounts/" + agent).with(httpBasic(manager, STRONG)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"ACA_AGENT\"}").exchange();
		assertThat(moveAway).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select role from account where username = ?").param(agent).query(String.class).single()).isEqualTo("CD_AGENT");
	}

	@Test
	void listsFilter() {
		var schools = mvc.get().uri("/api/v1/accounts?role=SCHOOL_STAFF&establishment=0359901X").with(as("admin")).exchange();
		assertThat(schools).hasStatusOk();
		assertThat(schools).bodyJson().extractingPath("$.items[*].username").asArray().contains("college").doesNotContain("college2", "admin");
		var search = mvc.get().uri("/api/v1/accounts?q=SURCOUF").with(as("admin")).exchange();
		assertThat(search).bodyJson().extractingPath("$.items[*].username").asArray().containsExactly("college2");
		assertThat(mvc.get().uri("/api/v1/accounts?role=CHEF").with(as("admin")).exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.parameter").isEqualTo("role");
		assertThat(mvc.get().uri("/api/v1/accounts?size=0").with(as("admin")).exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/comptes?role=SCHOOL_STAFF").with(as("admin")).exchange()).hasStatusOk().bodyText()
			.contains("college2").doesNotContain(">agent.cd<");
	}

	@Test
	void aDisabledAccountCannotSignInAndItsSessionsEnd() throws Exception {
		String username = unique("partant");
		mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Partant\",\"email\":\"p@cd35.fr\",\"role\":\"CD_AGENT\",\"password\":\"%s\"}"
				.formatted(username, STRONG))
			.exchange();
		Browser browser = new Browser(port);
		browser.signIn(username, STRONG);
		assertThat(browser.get("/tickets").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username).query(Long.class).single())
			.isEqualTo(1);

		var disabled = mvc.patch().uri("/api/v1/accounts/" + username).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}").exchange();
		assertThat(disabled).hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(false);
		// The open session is gone: the next page asks to sign in again; signing in is refused.
		HttpResponse<String> after = browser.get("/tickets");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).contains("/connexion");
		assertThat(new Browser(port).signIn(username, STRONG)).contains("/connexion?error");
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, STRONG)).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		var history = mvc.get().uri("/api/v1/accounts/" + username + "/history").with(as("admin")).exchange();
		assertThat(history).bodyJson().extractingPath("$[0].action").isEqualTo("DISABLED");
		assertThat(history).bodyJson().extractingPath("$[0].oldValue").isEqualTo("true");
		assertThat(history).bodyJson().extractingPath("$[0].newValue").isEqualTo("false");

		assertThat(mvc.patch().uri("/api/v1/accounts/" + username).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":true}").exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, STRONG)).exchange()).hasStatusOk();
		assertThat(mvc.patch().uri("/api/v1/accounts/" + username).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":\"non\",\"password\":\"x\"}").exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("enabled", "password");
	}

	@Test
	void withoutAPasswordAnInvitationIsMailedAndItsLinkWorksOnce() throws Exception {
		String username = unique("invite");
		String mail = username + "@ac-rennes.fr";
		var created = mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Secrétaire\",\"email\":\"%s\",\"role\":\"SCHOOL_STAFF\",\"establishment\":\"0359902Y\"}"
				.formatted(username, mail))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.party").isEqualTo("EPLE");
		MimeMessage message = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
			.filter(m -> { try { return m.getAllRecipients()[0].toString().equals(mail); } catch (Exception e) { return false; } })
			.findFirst().orElse(null), m -> m != null);
		assertThat(TestSmtp.subject(message)).contains("votre compte est créé");
		String body = (String) message.getContent();
		Matcher link = Pattern.compile("/mot-de-passe/definir\\?jeton=([A-Za-z0-9_-]+)").matcher(body);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(body).contains("http://localhost");
		// Only the hash is stored.
		assertThat(jdbc.sql("select count(*) from directory_password_token where token_hash = ?").param(token).query(Long.class).single()).isZero();

		Browser browser = new Browser(port);
		assertThat(browser.get("/mot-de-passe/definir?jeton=" + token).body()).contains(username);
		HttpResponse<String> weak = browser.post("/mot-de-passe/definir?jeton=" + token, "/mot-de-passe/definir",
				"jeton=" + token + "&password=azertyuiop123&confirmation=azertyuiop123");
		assertThat(weak.body()).contains("liste des mots de passe courants").contains("aria-invalid=\"true\"");
		HttpResponse<String> set = browser.post("/mot-de-passe/definir?jeton=" + token, "/mot-de-passe/definir",
				"jeton=" + token + "&password=" + STRONG.replace(' ', '+') + "&confirmation=" + STRONG.replace(' ', '+'));
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, STRONG)).exchange()).hasStatusOk();
		// Used once: the same link no longer opens the form.
		assertThat(new Browser(port).get("/mot-de-passe/definir?jeton=" + token).body()).contains("lien-invalide");
	}

	@Test
	void aResetLinkIsMailedAndTheOwnPasswordPageAsksForTheCurrentOne() throws Exception {
		String username = unique("oublie");
		String mail = username + "@cd35.fr";
		mvc.post().uri("/api/v1/accounts").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"displayName\":\"Oublieuse\",\"email\":\"%s\",\"role\":\"CD_AGENT\",\"password\":\"%s\"}"
				.formatted(username, mail, STRONG))
			.exchange();
		assertThat(mvc.post().uri("/api/v1/accounts/" + username + "/password-reset").with(as("admin")).exchange())
			.hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
			.anyMatch(m -> TestSmtp.subject(m).contains("réinitialisation") && recipient(m).equals(mail)));

		Browser browser = new Browser(port);
		browser.signIn(username, STRONG);
		String next = "un tout autre mot de passe";
		HttpResponse<String> wrong = browser.post("/mot-de-passe", "/mot-de-passe",
				"current=faux-mot-de-passe&password=" + next.replace(' ', '+') + "&confirmation=" + next.replace(' ', '+'));
		assertThat(wrong.body()).contains("mot de passe actuel incorrect").contains("id=\"current-erreur\"");
		HttpResponse<String> ok = browser.post("/mot-de-passe", "/mot-de-passe",
				"current=" + STRONG.replace(' ', '+') + "&password=" + next.replace(' ', '+') + "&confirmation=" + next.replace(' ', '+'));
		assertThat(ok.body()).contains("Votre mot de passe a été changé");
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, next)).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic(username, STRONG)).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aCsvImportIsAllOrNothingWithErrorsByLine() throws Exception {
		String a = unique("import-a");
		String b = unique("import-b");
		String bad = "username;displayName;email;role;party;uai\r\n"
				+ a + ";Agent A;" + a + "@cd35.fr;CD_AGENT;;\r\n"
				+ b + ";Agent B;" + b + "@ac-rennes.fr;CHEF;;\r\n"
				+ a + ";Agent A bis;x@cd35.fr;CD_AGENT;;\r\n"
				+ "admin;Admin;x@cd35.fr;CD_AGENT;;\r\n"
				+ b + "x;Secrétaire;s@ac-rennes.fr;SCHOOL_STAFF;;0359990N\r\n";
		var refused = mvc.post().uri("/api/v1/accounts/import").with(as("admin")).contentType("text/csv").content(bad).exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused).bodyJson().extractingPath("$.lines[*].line").asArray().containsExactly(3, 4, 5, 6);
		assertThat(refused).bodyJson().extractingPath("$.lines[*].column").asArray().containsExactly("role", "username", "username", "uai");
		assertThat(rows(a)).isZero();

		String good = "username,displayName,email,role,party,uai\n" + a + ",Agent A," + a + "@cd35.fr,CD_AGENT,,\n"
				+ b + ",Secrétaire B," + b + "@ac-rennes.fr,SCHOOL_STAFF,,0359901X\n";
		var preview = mvc.post().uri("/api/v1/accounts/import?dryRun=true").with(as("admin")).contentType("text/csv").content(good).exchange();
		assertThat(preview).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(2);
		assertThat(rows(a)).isZero();
		var page = mvc.post().uri("/comptes/import").with(as("admin")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.multipart().file(new org.springframework.mock.web.MockMultipartFile("file", "comptes.csv", "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Fichier refusé").contains("inconnu");
		var done = mvc.post().uri("/api/v1/accounts/import").with(as("admin")).contentType("text/csv").content(good).exchange();
		assertThat(done).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(2);
		assertThat(rows(a) + rows(b)).isEqualTo(2);
		assertThat(jdbc.sql("select establishment from account where username = ?").param(b).query(String.class).single()).isEqualTo("0359901X");
		await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
			.anyMatch(m -> recipient(m).equals(b + "@ac-rennes.fr")));
	}

	@Test
	void theLastAdministratorStays() {
		var self = mvc.patch().uri("/api/v1/accounts/admin").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"enabled\":false}").exchange();
		assertThat(self).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("enabled");
	}

	private static String recipient(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			return "";
		}
	}

	/** A person's browser without a browser: cookies, CSRF tokens from the forms, no redirect following. */
	static final class Browser {

		private final int port;
		private final HttpClient client;

		Browser(int port) {
			this.port = port;
			this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Posts the form read from {@code formPage}, with its CSRF token. */
		HttpResponse<String> post(String formPage, String path, String form) throws Exception {
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(formPage).body());
			String token = csrf.find() ? csrf.group(1) : "";
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Where the sign-in redirects to. */
		String signIn(String username, String password) throws Exception {
			HttpResponse<String> r = post("/connexion", "/connexion",
					"username=" + username + "&password=" + password.replace(' ', '+'));
			return r.headers().firstValue("Location").orElse("");
		}
	}
}
