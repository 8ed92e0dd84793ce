package org.entente.web.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document as a contract, filled for every operation of every module so that a module only writes its
 * French {@code @Tag} and {@code @Operation}: the licence and contact, the security schemes (HTTP Basic, bearer
 * tokens when an issuer is configured) required by every operation the API security chain does not leave open, the
 * RFC 9457 problem document for the 4xx and 5xx answers each operation can give (with examples), the pagination
 * parameters described once, JSON as the media type and stable operation ids (controller and method names).
 * Checked by Redocly CLI in .ci/run on the document that {@code OpenApiDocumentTests} writes.
 * <p>
 * Over 300 lines because each customisation is a few lines of the same document walk; one place says everything
 * the document promises about every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

	static final String BASIC = "basic";

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/** Any operation answers 406 to a client that accepts none of its media types (Spring MVC's content negotiation). */
	private static final String NOT_ACCEPTABLE = "NotAcceptable";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Bean
	OpenAPI ententeOpenApi(@Value("${entente.theme.organisation:Entente}") String organisation,
			@Value("${entente.api.contact-email:}") String email, @Value("${entente.api.contact-url:}") String url) {
		Contact contact = new Contact().name(organisation + " — équipe Entente");
		if (StringUtils.hasText(email)) {
			contact.email(email);
		}
		if (StringUtils.hasText(url)) {
			contact.url(url);
		}
		return new OpenAPI()
			.info(new Info().title("API Entente")
				.version("v1")
				.description("L'API d'Entente, l'outil de la convention de maintenance informatique des collèges entre le "
						+ "Département et l'Académie : convention, annuaire, guichet, inventaire, sécurité, journal, webhooks. "
						+ "Erreurs au format RFC 9457 (application/problem+json), en français, nommant le champ fautif.")
				.contact(contact)
				.license(new License().name("EUPL-1.2").identifier("EUPL-1.2")))
			.servers(List.of(new Server().url("/").description("Le serveur Entente qui publie ce document")))
			.components(components());
	}

	private static Components components() {
		Components c = new Components()
			.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
				.description("Compte Entente (identifiant et mot de passe), sans session."))
			.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
				.description("Jeton JWT de l'émetteur configuré (entente.sso), associé au compte comme la connexion unique ; "
						+ "accepté seulement quand un émetteur est configuré."))
			.addSchemas("FieldProblem", new ObjectSchema()
				.description("Un champ, paramètre ou colonne fautif et ce qui ne va pas.")
				.addProperty("field", new StringSchema().description("Chemin JSON du champ (items[2].name), paramètre ou colonne."))
				.addProperty("message", new StringSchema().description("Ce qui ne va pas, en français."))
				.required(List.of("field", "message")))
			.addSchemas(PROBLEM, problemSchema())
			.addParameters("page", new QueryParameter().name("page").required(false)
				.description("Numéro de la page, à partir de 0 (page × taille ≤ 1 000 000). La réponse est une page "
						+ "(items, page, size, total, totalCapped, hasNext).")
				.schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO)._default(0)));
		c.addResponses(NOT_ACCEPTABLE, new ApiResponse()
			.description("L'en-tête Accept exclut ce que l'opération produit (application/json en général) : pas de corps."));
		for (Answer a : Answer.values()) {
			ApiResponse response = new ApiResponse().description(a.description)
				.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
					.schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
					.addExamples(a.type, new Example().summary(a.title).value(a.example()))));
			if (a == Answer.TooManyRequests) {
				response.addHeaderObject("Retry-After", new Header().required(true)
					.description("Secondes à attendre avant de renvoyer des identifiants pour ce compte depuis cette adresse.")
					.schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ONE).example(45)));
			}
			c.addResponses(a.name(), response);
		}
		return c;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema errors = new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
			.description("Chaque champ fautif (corps, paramètre ou colonne de fichier).");
		return new ObjectSchema()
			.description("Document d'erreur RFC 9457, en français ; un module peut ajouter ses membres.")
			.addProperty("type", new StringSchema().format("uri-reference").description("urn:entente:problem:… (invalid-input, not-found, …)"))
			.addProperty("title", new StringSchema().description("Intitulé court, en français."))
			.addProperty("status", new IntegerSchema().format("int32").description("Le statut HTTP."))
			.addProperty("detail", new StringSchema().description("Explication en français, qui nomme le champ fautif."))
			.addProperty("instance", new StringSchema().format("uri-reference").description("Le chemin de la requête."))
			.addProperty("parameter", new StringSchema().description("Le paramètre de requête ou de chemin fautif, s'il y en a un."))
			.addProperty("errors", errors)
			.addProperty("code", new StringSchema().description("Le code de la phrase du detail dans les paquets de messages "
					+ "(helpdesk.refused.transition…), quand elle en a un : les pages la disent dans la langue du lecteur."))
			.required(List.of("type", "title", "status"))
			.additionalProperties(Boolean.TRUE);
	}

	/** The problem answers an operation may give, each a reusable response with its example. */
	enum Answer {
		BadRequest(400, "invalid-input", "Données invalides", "Paramètre ou corps invalide ; le document nomme chaque champ fautif.",
				"1 champ(s) invalide(s) : size : La taille de page va de 1 à 200."),
		Unauthorized(401, "unauthorized", "Authentification requise", "Identifiants absents ou refusés.",
				"Identifiez-vous (HTTP Basic) avec un compte Entente."),
		Forbidden(403, "forbidden", "Accès refusé", "Le rôle du compte ne permet pas cette opération.",
				"Votre rôle ne permet pas cette opération."),
		NotFound(404, "not-found", "Introuvable", "Ressource inconnue ou hors du périmètre du compte (son existence n'est pas révélée).",
				"Ressource introuvable : 42."),
		PreconditionFailed(412, "stale-version", "Version périmée", "If-Match n'est pas la version courante : relire puis réessayer.",
				"La ressource a changé : relisez-la (GET) et renvoyez sa version dans If-Match."),
		PayloadTooLarge(413, "too-large", "Envoi trop volumineux", "Le fichier ou le corps dépasse la taille admise.",
				"Le fichier dépasse 10 Mo."),
		UnprocessableContent(422, "idempotency-key-reused", "Clé d'idempotence déjà utilisée",
				"Idempotency-Key déjà utilisée pour un autre corps, ou fichier importé avec des fautes.",
				"Cette Idempotency-Key a déjà servi à une autre requête."),
		PreconditionRequired(428, "if-match-required", "If-Match requis", "La modification exige l'en-tête If-Match (l'ETag lu).",
				"Envoyez l'en-tête If-Match avec la version lue (ETag)."),
		TooManyRequests(429, "too-many-sign-in-attempts", "Trop de tentatives de connexion",
				"Trop de mots de passe erronés pour ce compte depuis cette adresse : les identifiants HTTP Basic ne sont pas "
						+ "vérifiés avant le délai de l'en-tête Retry-After (en secondes). Même réponse que le compte existe ou non.",
				"Trop de mots de passe erronés pour cet identifiant depuis cette adresse : réessayez dans 45 s (en-tête Retry-After)."),
		ServiceUnavailable(503, "starting", "Entente démarre", "Entente termine son démarrage (en-tête Retry-After).",
				"Entente termine son démarrage : réessayez dans 5 secondes.");

		final int status;

		final String type;

		final String title;

		final String description;

		final String detail;

		Answer(int status, String type, String title, String description, String detail) {
			this.status = status;
			this.type = type;
			this.title = title;
			this.description = description;
			this.detail = detail;
		}

		Map<String, Object> example() {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("type", "urn:entente:problem:" + type);
			e.put("title", title);
			e.put("status", status);
			e.put("detail", detail);
			if (this == BadRequest) {
				e.put("parameter", "size");
				e.put("errors", List.of(Map.of("field", "size", "message", "La taille de page va de 1 à 200.")));
			}
			return e;
		}
	}

	/** Operation ids from the controller and the method (ticketList, assetUpdate): stable names for generated clients. */
	@Bean
	GlobalOperationCustomizer operationIds() {
		return (operation, handler) -> {
			var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			if (declared == null || declared.operationId().isEmpty()) {
				String type = handler.getBeanType().getSimpleName().replaceAll("(Api)?Controller$", "");
				String method = handler.getMethod().getName();
				operation.setOperationId(Character.toLowerCase(type.charAt(0)) + type.substring(1)
						+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			}
			return operation;
		};
	}

	/** Security, problem answers, pagination and media types on every operation of the document. */
	@Bean
	GlobalOpenApiCustomizer operationContracts() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			if (api.getComponents() == null || api.getComponents().getSchemas() == null
					|| !api.getComponents().getSchemas().containsKey(PROBLEM)) {
				Components c = components();
				Components mine = api.getComponents() == null ? new Components() : api.getComponents();
				c.getSecuritySchemes().forEach(mine::addSecuritySchemes);
				c.getSchemas().forEach(mine::addSchemas);
				c.getResponses().forEach(mine::addResponses);
				c.getParameters().forEach(mine::addParameters);
				api.setComponents(mine);
			}
			Set<String> ids = new HashSet<>();
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean open = isPublic(method, path);
				operation.setSecurity(open ? new ArrayList<>()
						: List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
				jsonMediaTypes(operation);
				uniqueParameters(operation);
				pagination(operation);
				problemAnswers(method, path, operation, open);
				String id = operation.getOperationId();
				for (int n = 2; id != null && !ids.add(id); n++) {
					id = operation.getOperationId() + n;
				}
				operation.setOperationId(id);
			}));
		};
	}

	/** The API chain leaves GET /api/v1/convention/** open (the convention is a public document). */
	static boolean isPublic(PathItem.HttpMethod method, String path) {
		return method == PathItem.HttpMethod.GET && PATHS.match(SecurityConfiguration.PUBLIC_API_GET, path);
	}

	/**
	 * One parameter per name and place: two handlers of one path and method (a JSON and a multipart publication)
	 * become one operation, and each brought the Idempotency-Key header.
	 */
	private static void uniqueParameters(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		operation.setParameters(new ArrayList<>(operation.getParameters().stream()
			.filter(p -> p.get$ref() != null || seen.add(p.getIn() + " " + p.getName()))
			.toList()));
	}

	private static void problemAnswers(PathItem.HttpMethod method, String path, Operation operation, boolean open) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		List<Answer> answers = new ArrayList<>();
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		boolean input = operation.getRequestBody() != null
				|| parameters.stream().anyMatch(p -> !IdempotencyKeys.HEADER.equals(p.getName()));
		if (input) {
			answers.add(Answer.BadRequest);
		}
		if (!open) {
			answers.add(Answer.Unauthorized);
			answers.add(Answer.Forbidden);
		}
		if (path.contains("{")) {
			answers.add(Answer.NotFound);
		}
		if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
			answers.add(Answer.PreconditionFailed);
			answers.add(Answer.PreconditionRequired);
		}
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().keySet().stream().anyMatch(m -> m.startsWith("multipart/"))) {
			answers.add(Answer.PayloadTooLarge);
		}
		if (method == PathItem.HttpMethod.POST) {
			answers.add(Answer.UnprocessableContent);
		}
		// LoginThrottleFilter stands before HTTP Basic on the whole API chain: credentials sent to an open operation
		// are throttled too.
		answers.add(Answer.TooManyRequests);
		answers.add(Answer.ServiceUnavailable);
		for (Answer a : answers) {
			String code = Integer.toString(a.status);
			if (!responses.containsKey(code)) {
				responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + a.name()));
			}
		}
		if (!responses.containsKey("406")) {
			responses.addApiResponse("406", new ApiResponse().$ref("#/components/responses/" + NOT_ACCEPTABLE));
		}
		operation.setResponses(responses);
	}

	/** Springdoc writes « *&#47;* » when a method does not say what it produces; the API answers JSON. */
	private static void jsonMediaTypes(Operation operation) {
		if (operation.getResponses() == null) {
			return;
		}
		operation.getResponses().values().forEach(r -> {
			if (r.getContent() != null && r.getContent().containsKey("*/*")) {
				MediaType any = r.getContent().remove("*/*");
				r.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
			}
		});
	}

	/** page is the shared parameter; size keeps its own default but says what the bound is. */
	private static void pagination(Operation operation) {
		if (operation.getParameters() == null) {
			return;
		}
		List<Parameter> parameters = new ArrayList<>(operation.getParameters());
		boolean paged = false;
		for (int i = 0; i < parameters.size(); i++) {
			Parameter p = parameters.get(i);
			if ("page".equals(p.getName()) && "query".equals(p.getIn())) {
				parameters.set(i, new Parameter().$ref("#/components/parameters/page"));
				paged = true;
			}
		}
		if (paged) {
			for (Parameter p : parameters) {
				if ("size".equals(p.getName()) && "query".equals(p.getIn())) {
					if (p.getDescription() == null) {
						p.setDescription("Nombre d'éléments par page, de 1 à la borne de la liste (400 au-delà, nommant size).");
					}
					if (p.getSchema() != null && p.getSchema().getMinimum() == null) {
						p.getSchema().setMinimum(java.math.BigDecimal.ONE);
					}
				}
			}
		}
		operation.setParameters(parameters);
	}
}
