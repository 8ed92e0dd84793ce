package org.entente.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.entente.EntenteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler that Spring maps (read from the {@link RequestMappingHandlerMapping} beans, so that a new endpoint
 * cannot be forgotten) is called anonymously and as every demo account, with its path variables filled and an empty
 * or invalid body. The bar: never a 5xx; anonymous gets 401 on the API and a sign-in redirect, 401 or 403 on pages,
 * except for the public paths listed below; no account gets a 2xx on an API write, because every write is sent with
 * an invalid body or a nonexistent identifier (so nothing shared is changed either).
 */
@EntenteTest
class AccessMatrixTests {

	/** The demo accounts of docs/developing.md, one per role at least (college2 is a second collège). */
	static final List<String> ACCOUNTS = List.of("admin", "agent.cd", "agent.aca", "niveau1", "college", "college2",
			"prestataire", "rssi", "dpd", "finances", "glpi-agent", "journal", "dpo", "gestion.cd", "gestion.aca");

	/** Paths (patterns as mapped) anyone may read, each with its reason. */
	static final Map<String, String> PUBLIC = new LinkedHashMap<>();

	static {
		PUBLIC.put("GET /api/v1/convention/**", "the convention is a public document");
		PUBLIC.put("GET /", "the home page introduces the convention to anyone");
		PUBLIC.put("GET /connexion", "sign-in page");
		PUBLIC.put("GET /connexion/sans-compte", "explains to a single sign-on user without an account whom to ask");
		PUBLIC.put("GET /qui-fait-quoi", "the convention's responsibilities, public");
		PUBLIC.put("GET /qui-fait-quoi/**", "the convention's responsibilities, public");
		PUBLIC.put("GET /points-a-clarifier", "the convention's open points, public");
		PUBLIC.put("GET /convention/versions", "the convention's versions, public");
		PUBLIC.put("GET /convention/versions/**", "the convention's versions, public");
		PUBLIC.put("* /mot-de-passe/definir", "a new account sets its password from the emailed link (the token is the credential)");
		PUBLIC.put("GET /v3/api-docs", "the OpenAPI document");
		PUBLIC.put("GET /v3/api-docs/**", "the OpenAPI document");
		PUBLIC.put("GET /swagger-ui/**", "the OpenAPI viewer");
		PUBLIC.put("GET /swagger-ui.html", "the OpenAPI viewer");
	}

	/** Handlers not called, with the reason. */
	static final Map<String, String> SKIPPED = Map.of("/error",
			"Spring Boot's error controller renders the status of the request it was forwarded for; called directly it reports 500 by design",
			"POST /api/v1/privacy/purges", "runs the purge (destroys what is past its date, keeps a run): it takes no input to make invalid",
			"POST /donnees-personnelles/purges", "runs the purge (a dry run by default, but it keeps a run that the purge tests read)",
			"POST /notifications/lues", "marks every notification of the account read: it takes no input to make invalid, and notification tests read the demo accounts' unread ones");

	/** Writes that may answer 2xx to an invalid or empty request, with the reason. */
	static final Map<String, String> WRITES_MAY_SUCCEED = Map.of("POST /api/v1/reporting/rebuild",
			"recounts the daily aggregates from the desk's facts: no input, the same result each time (administrators only)");

	/** Existing identifiers (reads) by path variable name; writes use {@link #MISSING}. */
	static final Map<String, String> EXISTING = Map.of("id", "1", "uai", "0359901X", "username", "college", "code",
			"EXPLOITATION", "number", "1", "year", "2026", "uid", "college", "attachmentId", "1", "actionId", "1");

	static final Map<String, String> MISSING = Map.of("id", "999999999", "uai", "0999999Z", "username",
			"inconnu.matrice", "code", "INCONNU", "number", "999999", "year", "1999", "uid", "inconnu.matrice",
			"attachmentId", "999999999", "actionId", "999999999");

	/** The establishment of college2, foreign to the account college. */
	static final String FOREIGN_UAI = "0359902Y";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?\\}");

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	record Handler(HttpMethod method, String pattern, MediaType consumes, MediaType produces, Map<String, String> params,
			boolean body, boolean multipart, String name) {

		boolean api() {
			return pattern.startsWith("/api/");
		}

		boolean write() {
			return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
		}

		String key() {
			return method + " " + pattern;
		}
	}

	/** Always checked: the roles that reach most handlers; the others take turns (three per handler, by its key). */
	static final List<String> ALWAYS = List.of("admin", "agent.cd", "college", "niveau1");

	/**
	 * Every account on an API write (where a role could gain a right); on the other handlers the four accounts above
	 * and three of the others in turn, so that every role meets about a quarter of the handlers and the matrix runs in
	 * well under a minute (CI runs it twice).
	 */
	static List<String> accountsFor(Handler h) {
		if (h.api() && h.write()) {
			return ACCOUNTS;
		}
		List<String> others = ACCOUNTS.stream().filter(a -> !ALWAYS.contains(a)).toList();
		int start = Math.floorMod(h.key().hashCode(), others.size());
		List<String> chosen = new ArrayList<>(ALWAYS);
		for (int i = 0; i < 3; i++) {
			chosen.add(others.get((start + i * 4) % others.size()));
		}
		return chosen;
	}

	@TestFactory
	Stream<DynamicTest> everyHandlerAsEveryAccount() {
		List<Handler> handlers = handlers();
		assertThat(handlers).hasSizeGreaterThan(100);
		return handlers.stream()
			.filter(h -> !SKIPPED.containsKey(h.pattern()) && !SKIPPED.containsKey(h.key()))
			.map(h -> DynamicTest.dynamicTest(h.key() + " (" + h.name() + ")", () -> check(h)));
	}

	@AfterAll
	static void count() {
		System.out.println("AccessMatrixTests: " + REQUESTS.get() + " requests");
	}

	private void check(Handler h) throws Exception {
		List<String> faults = new ArrayList<>();
		MvcTestResult anonymous = call(h, null);
		int status = anonymous.getResponse().getStatus();
		if (status >= 500) {
			faults.add("anonymous: " + status + " " + anonymous.getResponse().getContentAsString());
		}
		else if (!isPublic(h)) {
			String location = anonymous.getResponse().getHeader("Location");
			boolean refused = h.api() ? status == 401
					: status == 401 || status == 403 || (status / 100 == 3 && location != null && location.contains("/connexion"));
			if (!refused) {
				faults.add("anonymous: " + status + (location == null ? "" : " -> " + location));
			}
		}
		for (String user : accountsFor(h)) {
			MvcTestResult r = call(h, user);
			int s = r.getResponse().getStatus();
			if (s >= 500) {
				faults.add(user + ": " + s + " " + r.getResponse().getContentAsString());
			}
			else if (s == 401) {
				faults.add(user + ": 401 although signed in");
			}
			else if (h.api() && h.write() && s / 100 == 2 && !WRITES_MAY_SUCCEED.containsKey(h.key())) {
				faults.add(user + ": " + s + " on a write with " + (h.body() ? "an invalid body" : "a nonexistent identifier"));
			}
		}
		if (!h.write() && h.pattern().contains("{uai}")) {
			// The collège of account college (0359901X) reading another collège's establishment.
			REQUESTS.incrementAndGet();
			int s = mvc.get().uri(uri(h).replace(EXISTING.get("uai"), FOREIGN_UAI)).with(as("college")).exchange()
				.getResponse().getStatus();
			if (s != 403 && s != 404) {
				faults.add("college on " + FOREIGN_UAI + ": " + s);
			}
		}
		assertThat(faults).as(h.key()).isEmpty();
	}

	private boolean isPublic(Handler h) {
		return PUBLIC.keySet().stream().anyMatch(p -> {
			String[] parts = p.split(" ", 2);
			boolean method = parts[0].equals("*") || parts[0].equals(h.method().name())
					|| (parts[0].equals("GET") && h.method() == HttpMethod.HEAD);
			String path = parts[1];
			boolean matches = path.endsWith("/**") ? h.pattern().startsWith(path.substring(0, path.length() - 3))
					: path.equals(h.pattern());
			return method && matches;
		});
	}

	private MvcTestResult call(Handler h, String user) {
		REQUESTS.incrementAndGet();
		var request = mvc.method(h.method()).uri(uri(h));
		h.params().forEach(request::param);
		if (h.produces() != null) {
			request.accept(h.produces());
		}
		if (h.write()) {
			if (h.multipart()) {
				request.contentType(MediaType.MULTIPART_FORM_DATA_VALUE + ";boundary=matrix").content("--matrix--\r\n");
			}
			else if (h.body()) {
				MediaType type = h.consumes() == null ? MediaType.APPLICATION_JSON : h.consumes();
				// A number where the handler expects an object, a list or a document: refused before any change.
				request.contentType(type).content("42");
			}
			if (!h.api()) {
				request.with(csrf());
			}
		}
		if (user != null) {
			request.with(as(user));
		}
		return request.exchange();
	}

	private static String uri(Handler h) {
		Map<String, String> values = h.write() ? MISSING : EXISTING;
		Matcher m = VARIABLE.matcher(h.pattern().replace("/**", "/matrice"));
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(values.getOrDefault(m.group(1), h.write() ? "999999999" : "1")));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private List<Handler> handlers() {
		List<Handler> all = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = e.getKey();
				HandlerMethod hm = e.getValue();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				Set<HttpMethod> called = new TreeSet<>(Comparator.comparing(HttpMethod::name));
				if (methods.isEmpty()) {
					called.add(HttpMethod.GET);
					called.add(HttpMethod.POST);
				}
				else {
					methods.forEach(m -> called.add(m.asHttpMethod()));
				}
				MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
					.filter(t -> !t.isWildcardType() && !t.isWildcardSubtype()).findFirst().orElse(null);
				MediaType produces = info.getProducesCondition().getProducibleMediaTypes().stream()
					.filter(t -> !t.isWildcardType()).findFirst().orElse(null);
				Map<String, String> params = new LinkedHashMap<>();
				for (NameValueExpression<String> p : info.getParamsCondition().getExpressions()) {
					if (!p.isNegated()) {
						params.put(p.getName(), p.getValue() == null ? "matrice" : p.getValue());
					}
				}
				boolean body = Arrays.stream(hm.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
				boolean multipart = Arrays.stream(hm.getMethodParameters()).anyMatch(AccessMatrixTests::isPart)
						|| (consumes != null && consumes.isCompatibleWith(MediaType.MULTIPART_FORM_DATA));
				// A streamed body (StreamingResponseBody) is written on another thread while MockMvc reads the response,
				// which then fails inside the mock (ConcurrentModificationException, seen once in CI): the exports'
				// access is tested by their own classes (EstablishmentsAndExportTests, JournalApiTests, RegisterApiTests).
				if (hm.getMethod().toGenericString().contains("StreamingResponseBody")) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					for (HttpMethod m : called) {
						all.add(new Handler(m, pattern, consumes, produces, params, body, multipart,
								hm.getBeanType().getSimpleName() + "." + hm.getMethod().getName()));
					}
				}
			}
		}
		all.sort(Comparator.comparing(Handler::pattern).thenComparing(h -> h.method().name()));
		return all;
	}

	private static boolean isPart(MethodParameter p) {
		return p.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(p.getParameterType());
	}
}
