package org.entente.privacy.internal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/** The académie's identities: import (streamed, all or nothing), reading by UID or UAI, departure by hand. */
@RestController
@RequestMapping("/api/v1/privacy/identities")
@Tag(name = "Données personnelles", description = "Identités académiques, registre des traitements, purges, demandes des personnes")
@PreAuthorize("@privacyPermissions.manage(authentication)")
class IdentityApiController {

	private final IdentityImport identityImport;
	private final Identities identities;

	IdentityApiController(IdentityImport identityImport, Identities identities) {
		this.identityImport = identityImport;
		this.identities = identities;
	}

	@PostMapping("/import")
	@Operation(summary = "Importer l'export des identités de l'Académie", description = "Corps text/csv UTF-8, séparateur virgule ou point-virgule, en-tête guuid,uid,lastName,firstName,civility,birthDate,status,function,uai,class,department ; mode=full (population complète des établissements nommés : les absents partent à la date de l'import) ou partial ; dryRun=true n'écrit rien. Tout ou rien : 422 avec errors[{line, column, message}] dès qu'une ligne est fausse. 409 tant que la copie du registre n'est pas envoyée à l'Académie.")
	ResponseEntity<Map<String, Object>> importCsv(@RequestParam String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request, Authentication auth)
			throws java.io.IOException {
		IdentityImport.Mode m;
		try {
			m = IdentityImport.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalidParameter("mode", "mode « " + mode + " » inconnu : full ou partial");
		}
		try (Reader reader = org.entente.common.CsvReader.utf8(request.getInputStream())) {
			IdentityImport.Result r = identityImport.run(reader, m, dryRun, auth.getName());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("created", r.created());
			body.put("updated", r.updated());
			body.put("departed", r.departed());
			body.put("returned", r.returned());
			body.put("dryRun", r.dryRun());
			body.put("errors", r.errors());
			if (r.truncated()) {
				body.put("truncated", true);
			}
			if (!r.ok()) {
				throw org.entente.common.CsvReader.refused(body, r.errors());
			}
			return ResponseEntity.ok(body);
		}
	}

	@GetMapping
	@Operation(summary = "Lire une identité", description = "Par uid (ou toutes celles d'un établissement par uai) ; chaque lecture est journalisée (qui a lu quoi).")
	List<IdentityJson> search(@RequestParam(required = false) String uid, @RequestParam(required = false) String uai,
			Authentication auth) {
		if (uid == null && uai == null) {
			throw ProblemException.missingParameter("uid", "Paramètre « uid » obligatoire (ou « uai »).");
		}
		if (uai != null && !uai.matches("[0-9]{7}[A-Z]")) {
			throw ProblemException.invalidParameter("uai", "UAI « " + uai + " » invalide : sept chiffres et une lettre.");
		}
		return identities.search(uid, uai, auth.getName()).stream().map(IdentityJson::of).toList();
	}

	@PostMapping("/{uid}/departure")
	@Operation(summary = "Enregistrer un départ", description = "Corps {departedOn: date ISO} ; destroyBy devient départ + 4 mois calendaires (annexe protection des données, 8).")
	IdentityJson depart(@PathVariable String uid, @RequestBody(required = false) JsonNode body, Authentication auth) {
		JsonNode d = body == null ? null : body.get("departedOn");
		if (d == null || d.isNull() || !d.isString()) {
			throw ProblemException.invalid("departedOn", "« departedOn » obligatoire (date ISO AAAA-MM-JJ)");
		}
		LocalDate on;
		try {
			on = LocalDate.parse(d.asString());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid("departedOn", "date « " + d.asString() + " » invalide : AAAA-MM-JJ attendu");
		}
		return IdentityJson.of(identities.depart(uid, on, auth.getName()));
	}

	record IdentityJson(String uid, String guuid, String lastName, String firstName, String civility, LocalDate birthDate,
			String status, String function, String uai, String className, String department, LocalDate departedOn,
			LocalDate destroyBy) {

		static IdentityJson of(Identities.Identity i) {
			return new IdentityJson(i.uid(), i.guuid(), i.lastName(), i.firstName(), i.civility(), i.birthDate(), i.status(),
					i.function(), i.uai(), i.className(), i.department(), i.departedOn(), i.destroyBy());
		}
	}
}
