package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.entente.BrowserTestSupport;
import org.entente.EntenteTest;
import org.entente.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Single sign-on end to end against real OpenID Connect providers started here (mock-oauth2-server): the académie's
 * («toutatice», interactive: the person types who she is and her claims at the provider) and a second one whose
 * tokens the test chooses (an expired ID token; an ID token altered on its way by a proxy in front of the token
 * endpoint; bearer tokens for the API).
 */
@DirtiesContext
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class SingleSignOnTests extends BrowserTestSupport {

	static final MockOAuth2Server ACADEMIE = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
	static final MockOAuth2Server OTHER = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":false}"));
	static HttpServer tamperingProxy;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		ACADEMIE.start();
		OTHER.start();
		tamperingProxy = tamperingProxy(OTHER.tokenEndpointUrl("falsifie").toString());
		TestDatabases.isolate(registry, "sso");
		client(registry, "toutatice", ACADEMIE.issuerUrl("toutatice").toString());
		client(registry, "expire", OTHER.issuerUrl("expire").toString());
		client(registry, "falsifie", OTHER.issuerUrl("falsifie").toString());
		registry.add("spring.security.oauth2.client.provider.falsifie.token-uri",
				() -> "http://127.0.0.1:" + tamperingProxy.getAddress().getPort() + "/token");
		for (String id : List.of("toutatice", "expire", "falsifie")) {
			String at = "entente.directory.oidc." + id;
			registry.add(at + ".label", () -> id.equals("toutatice") ? "Toutatice" : id);
			registry.add(at + ".establishment-claim", () -> "uai");
			registry.add(at + ".roles[0].claim", () -> "profil");
			registry.add(at + ".roles[0].value", () -> "secretariat");
			registry.add(at + ".roles[0].role", () -> "SCHOOL_STAFF");
		}
		registry.add("entente.directory.oidc.toutatice.contact", () -> "la plateforme d'assistance de l'Académie (assistance@ac-rennes.invalid)");
		// Bearer tokens for the API, from the issuer «outil», mapped by the rules of «outil».
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> OTHER.issuerUrl("outil").toString());
		registry.add("entente.directory.bearer-mapping", () -> "outil");
		registry.add("entente.directory.oidc.outil.roles[0].claim", () -> "groups");
		registry.add("entente.directory.oidc.outil.roles[0].value", () -> "entente-cd");
		registry.add("entente.directory.oidc.outil.roles[0].role", () -> "CD_AGENT");
	}

	private static void client(DynamicPropertyRegistry registry, String id, String issuer) {
		String at = "spring.security.oauth2.client.registration." + id;
		registry.add(at + ".client-id", () -> "entente");
		registry.add(at + ".client-secret", () -> "secret-de-test");
		registry.add(at + ".scope", () -> "openid,profile,email");
		registry.add(at + ".provider", () -> id);
		registry.add("spring.security.oauth2.client.provider." + id + ".issuer-uri", () -> issuer);
	}

	@AfterAll
	static void stopProviders() {
		ACADEMIE.shutdown();
		OTHER.shutdown();
		tamperingProxy.stop(0);
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String ticket(String user, String uai, String title) {
		var r = mvc.post().uri("/api/v1/tickets").with(httpBasic(user, EntenteTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"establishment":"%s","title":"%s","description":"Plus rien ne marche depuis ce matin.","component":"VIDEOPROJECTEURS","intervention":"REPAIR"}"""
				.formatted(uai, title))
			.exchange();
		assertThat(r).hasStatus(HttpStatus.CREATED);
		return title;
	}

	private void signInAtAcademie(String subject, String claims) {
		signOut();
		open("/connexion");
		assertAccessible();
		driver.findElement(By.linkText("Se connecter avec Toutatice")).click();
		waitFor(By.name("username")).sendKeys(subject);
		var textarea = driver.findElement(By.name("claims"));
		textarea.clear();
		textarea.sendKeys(claims);
		driver.findElement(By.cssSelector("input[type=submit]")).click();
		waitUpTo(15).until(d -> d.getCurrentUrl().startsWith(url("")) && !d.getCurrentUrl().contains("/oauth2/"));
	}

	@Test
	void aCollegeSecretarySignsInAtTheAcademieAndSeesHerCollegesTicketsOnly() {
		String mine = ticket("college", "0359901X", "Vidéoprojecteur salle 12 " + System.nanoTime());
		String theirs = ticket("college2", "0359902Y", "Vidéoprojecteur salle 3 " + System.nanoTime());

		signInAtAcademie("marie-sub-42", """
				{"preferred_username":"marie.lebreton","name":"Marie Le Breton","email":"marie.lebreton@ac-rennes.fr","profil":"secretariat","uai":"0359901X"}""");
		assertThat(driver.findElement(By.tagName("header")).getText()).contains("Marie Le Breton");
		open("/tickets");
		assertThat(driver.getPageSource()).contains(mine).doesNotContain(theirs);
		var account = jdbc.sql("select role, party, establishment, oidc_subject from account where username = 'marie.lebreton'")
			.query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
		assertThat(account).containsExactly("SCHOOL_STAFF", "EPLE", "0359901X", "marie-sub-42");

		// Moved to another collège: the next sign-in takes the new establishment from the claims.
		signInAtAcademie("marie-sub-42", """
				{"preferred_username":"marie.lebreton","name":"Marie Le Breton","email":"marie.lebreton@ac-rennes.fr","profil":"secretariat","uai":"0359902Y"}""");
		open("/tickets");
		assertThat(driver.getPageSource()).contains(theirs).doesNotContain(mine);
		assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'marie-sub-42'").query(Long.class).single()).isEqualTo(1);

		// Sign-out ends the session here and at the provider (RP-initiated logout), then comes back.
		driver.findElement(By.cssSelector("header form button[type=submit]")).click();
		waitUpTo(15).until(d -> d.getCurrentUrl().startsWith(url("/connexion?logout")));
		open("/tickets");
		assertThat(driver.getCurrentUrl()).contains("/connexion");
	}

	@Test
	void aPersonWithoutAMappedRoleIsToldWhomToAsk() {
		signInAtAcademie("eleve-sub-7", """
				{"preferred_username":"eleve7","name":"Un élève","profil":"eleve","uai":"0359901X"}""");
		assertThat(driver.getCurrentUrl()).contains("/connexion/sans-compte");
		assertThat(driver.findElement(By.id("sans-compte")).getText()).contains("Pas encore de compte Entente")
			.contains("assistance@ac-rennes.invalid");
		assertAccessible();
		assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'eleve-sub-7'").query(Long.class).single()).isZero();
	}

	@Test
	void anExpiredIdTokenIsRefused(org.springframework.boot.test.system.CapturedOutput output) {
		OTHER.enqueueCallback(new DefaultOAuth2TokenCallback("expire", "expire-sub", "JWT", List.of("entente"),
				Map.of("profil", "secretariat", "uai", "0359901X", "preferred_username", "expiree", "iat", anHourAndAHalfAgo()), -3600));
		signOut();
		open("/connexion");
		driver.findElement(By.linkText("Se connecter avec expire")).click();
		waitUpTo(15).until(d -> d.getCurrentUrl().contains("/connexion?error"));
		assertThat(driver.findElement(By.id("login-error")).getText()).contains("fournisseur d'identité a échoué");
		assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'expire-sub'").query(Long.class).single()).isZero();
		assertThat(output.getOut()).containsPattern("Connexion par expire refusée : invalid_id_token \\(.*[Ee]xpired");
	}

	@Test
	void aTamperedIdTokenIsRefused(org.springframework.boot.test.system.CapturedOutput output) {
		OTHER.enqueueCallback(new DefaultOAuth2TokenCallback("falsifie", "falsifie-sub", "JWT", List.of("entente"),
				Map.of("profil", "secretariat", "uai", "0359901X", "preferred_username", "falsifiee"), 3600));
		signOut();
		open("/connexion");
		driver.findElement(By.linkText("Se connecter avec falsifie")).click();
		waitUpTo(15).until(d -> d.getCurrentUrl().contains("/connexion?error"));
		assertThat(jdbc.sql("select count(*) from account where oidc_subject in ('falsifie-sub', 'admin')").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from account where username = 'falsifiee'").query(Long.class).single()).isZero();
		assertThat(output.getOut()).containsPattern("Connexion par falsifie refusée : invalid_id_token \\(.*[Ss]ignature");
	}

	@Test
	void theApiAcceptsBearerTokensOfTheConfiguredIssuerWithTheSameMapping() {
		String token = OTHER.issueToken("outil", "outil-cd-1", "entente", Map.of("groups", List.of("entente-cd"),
				"preferred_username", "outil.cd", "name", "Outil du CD")).serialize();
		var ok = mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + token).exchange();
		assertThat(ok).hasStatusOk();
		assertThat(jdbc.sql("select role from account where oidc_subject = 'outil-cd-1'").query(String.class).single()).isEqualTo("CD_AGENT");

		String expired = OTHER.issueToken("outil", "outil-cd-2", "entente", Map.of("groups", List.of("entente-cd"), "iat", anHourAndAHalfAgo()), -3600).serialize();
		var refused = mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + expired).exchange();
		assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().containsIgnoringCase("expired");
		assertThat(mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + expired).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + tamper(token)).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		String foreign = OTHER.issueToken("ailleurs", "outil-cd-3", "entente", Map.of("groups", List.of("entente-cd"))).serialize();
		assertThat(mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + foreign).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		String unmapped = OTHER.issueToken("outil", "outil-x", "entente", Map.of("groups", List.of("autre"))).serialize();
		assertThat(mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + unmapped).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// HTTP Basic still works for local accounts.
		assertThat(mvc.get().uri("/api/v1/establishments").with(httpBasic("agent.cd", EntenteTest.PASSWORD)).exchange()).hasStatusOk();
	}

	@Test
	void anAdministratorLinksALocalAccountToAnIdentity() {
		String issuer = ACADEMIE.issuerUrl("toutatice").toString();
		var linked = mvc.patch().uri("/api/v1/accounts/college2").with(httpBasic("admin", EntenteTest.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"oidcIssuer\":\"" + issuer + "\",\"oidcSubject\":\"surcouf-sub\"}").exchange();
		assertThat(linked).hasStatusOk();
		// The person signs in at the provider into the existing account, not a new one.
		signInAtAcademie("surcouf-sub", """
				{"preferred_username":"autre.nom","name":"Secrétariat Surcouf","profil":"secretariat","uai":"0359902Y"}""");
		assertThat(driver.findElement(By.tagName("header")).getText()).contains("Secrétariat Surcouf");
		assertThat(jdbc.sql("select count(*) from account where username = 'autre.nom'").query(Long.class).single()).isZero();
		assertThat(mvc.patch().uri("/api/v1/accounts/college2").with(httpBasic("agent.cd", EntenteTest.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"oidcSubject\":\"x\"}").exchange()).hasStatus(HttpStatus.FORBIDDEN);
	}

	/**
	 * Issue 20: an account single sign-on creates belongs to an identity of the académie, found by its Toutatice UID
	 * when the purge destroys that identity: from the provider's uid claim (stored on the account) when the login and
	 * the subject are something else, or from the login when it is the UID.
	 */
	@Test
	void anAccountCreatedBySingleSignOnIsDestroyedWithItsIdentity() {
		String token = Long.toString(System.nanoTime(), 36);
		String byClaim = "gkerherve" + token;
		String byLogin = "ylegall" + token;
		String csv = "guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department\n"
				+ "G-" + byClaim + "," + byClaim + ",Kerhervé,Gwen,MME,1985-01-02,EN_STAFF,secrétaire,0359901X,,\n"
				+ "G-" + byLogin + "," + byLogin + ",Le Gall,Yann,M,1979-03-04,LOCAL_STAFF,agent,0359901X,,\n";
		assertThat(mvc.post().uri("/api/v1/privacy/identities/import?mode=partial").with(httpBasic("dpo", EntenteTest.PASSWORD))
			.contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)).exchange()).hasStatusOk();

		// First sign-in at the académie: neither the login nor the subject is the UID; the uid claim is.
		signInAtAcademie("opaque-" + token, """
				{"preferred_username":"gwen.kerherve.%s","name":"Gwen Kerhervé","email":"gwen.%s@ac-rennes.fr","uid":"%s","profil":"secretariat","uai":"0359901X"}"""
			.formatted(token, token, byClaim));
		assertThat(jdbc.sql("select username from account where person_uid = ?").param(byClaim).query(String.class).single())
			.isEqualTo("gwen.kerherve." + token);
		// A first bearer token whose login is the UID, and no uid claim.
		String bearer = OTHER.issueToken("outil", "outil-" + token, "entente", Map.of("groups", List.of("entente-cd"),
				"preferred_username", byLogin, "name", "Yann Le Gall")).serialize();
		assertThat(mvc.get().uri("/api/v1/establishments").header("Authorization", "Bearer " + bearer).exchange()).hasStatusOk();
		assertThat(jdbc.sql("select count(*) from account where username = ?").param(byLogin).query(Long.class).single()).isOne();

		String departedOn = java.time.LocalDate.now().minusMonths(5).toString();
		for (String uid : List.of(byClaim, byLogin)) {
			assertThat(mvc.post().uri("/api/v1/privacy/identities/" + uid + "/departure").with(httpBasic("dpo", EntenteTest.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"departedOn\":\"" + departedOn + "\"}").exchange()).hasStatusOk();
		}
		var purge = mvc.post().uri("/api/v1/privacy/purges?dryRun=false").with(httpBasic("dpo", EntenteTest.PASSWORD)).exchange();
		assertThat(purge).hasStatusOk();
		assertThat(jdbc.sql("""
				select count(*) from account where person_uid in (:uids) or username in (:names) or oidc_subject in (:subjects)
				  or lower(email) like :mail""")
			.param("uids", List.of(byClaim, byLogin)).param("names", List.of("gwen.kerherve." + token, byLogin))
			.param("subjects", List.of("opaque-" + token, "outil-" + token)).param("mail", "gwen." + token + "%")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from privacy_identity where uid in (:uids)").param("uids", List.of(byClaim, byLogin))
			.query(Long.class).single()).isZero();
	}

	/** Issued 90 minutes ago: with an expiry of -3600 s from now, a token that expired an hour ago, after it was issued. */
	private static long anHourAndAHalfAgo() {
		return java.time.Instant.now().minusSeconds(5400).getEpochSecond();
	}

	/** The same token with one claim changed and the signature kept: no longer the issuer's. */
	static String tamper(String jwt) {
		String[] parts = jwt.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String changed = payload.replaceFirst("\"sub\"\\s*:\\s*\"[^\"]*\"", "\"sub\":\"admin\"");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	/** A proxy in front of a token endpoint that alters the ID token it returns (a man in the middle). */
	static HttpServer tamperingProxy(String tokenEndpoint) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		HttpClient client = HttpClient.newHttpClient();
		server.createContext("/token", exchange -> {
			try {
				byte[] body = exchange.getRequestBody().readAllBytes();
				HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(tokenEndpoint)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
				exchange.getRequestHeaders().forEach((name, values) -> {
					if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Accept")) {
						values.forEach(v -> forward.header(name, v));
					}
				});
				HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
				Matcher m = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
				String altered = m.find() ? answer.body().replace(m.group(1), tamper(m.group(1))) : answer.body();
				byte[] out = altered.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(answer.statusCode(), out.length);
				try (OutputStream o = exchange.getResponseBody()) {
					o.write(out);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(502, -1);
			}
		});
		server.start();
		return server;
	}
}
