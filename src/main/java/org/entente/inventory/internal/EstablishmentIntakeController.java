package org.entente.inventory.internal;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.inventory.internal.EstablishmentIntake.Contact;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Establishments CSV import (administrators) and each establishment's contacts. */
@RestController
class EstablishmentIntakeController {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,30}");

	private final EstablishmentIntake intake;
	private final Establishments establishments;
	private final AssetAccess access;

	EstablishmentIntakeController(EstablishmentIntake intake, Establishments establishments, AssetAccess access) {
		this.intake = intake;
		this.establishments = establishments;
		this.access = access;
	}

	@PostMapping(path = "/api/v1/establishments/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<EstablishmentIntake.Result> importCsv(@RequestParam(defaultValue = "true") boolean dryRun,
			HttpServletRequest request, @AuthenticationPrincipal EntenteUser user) throws java.io.IOException {
		if (user.role() != Role.ADMIN) {
			throw Problems.forbidden("Seul un administrateur importe les établissements.");
		}
		var r = intake.importCsv(new InputStreamReader(new LimitedInputStream(request.getInputStream(), 5L * 1024 * 1024),
				StandardCharsets.UTF_8), dryRun);
		return ResponseEntity.status(r.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(r);
	}

	@GetMapping("/api/v1/establishments/{uai}/contacts")
	List<Contact> contacts(@PathVariable String uai, @AuthenticationPrincipal EntenteUser user) {
		check(uai, user, false);
		return intake.contacts(uai);
	}

	@PutMapping(path = "/api/v1/establishments/{uai}/contacts", consumes = "application/json")
	List<Contact> replace(@PathVariable String uai, @RequestBody List<Contact> contacts, @AuthenticationPrincipal EntenteUser user) {
		check(uai, user, true);
		List<AssetRules.FieldProblem> problems = new java.util.ArrayList<>();
		Set<EstablishmentIntake.ContactRole> roles = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			Contact c = contacts.get(i);
			if (c.role() == null || !roles.add(c.role())) {
				problems.add(new AssetRules.FieldProblem("[" + i + "].role", "rôle manquant ou en double (CHEF_ETABLISSEMENT, RSN, RRUPN)"));
			}
			if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
				problems.add(new AssetRules.FieldProblem("[" + i + "].name", "nom obligatoire, 200 caractères au plus"));
			}
			if (c.email() != null && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
				problems.add(new AssetRules.FieldProblem("[" + i + "].email", "adresse « " + c.email() + " » invalide"));
			}
			if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
				problems.add(new AssetRules.FieldProblem("[" + i + "].phone", "numéro « " + c.phone() + " » invalide"));
			}
		}
		if (!problems.isEmpty()) {
			throw Problems.invalid(problems);
		}
		intake.replaceContacts(uai, contacts, user.getUsername());
		return intake.contacts(uai);
	}

	/** Reads: whoever reads the establishment's assets, and level-1 agents; writes: admin, CD, ACA, the collège itself. */
	private void check(String uai, EntenteUser user, boolean write) {
		boolean reads = access.readScope(user).covers(uai) || user.role() == Role.LEVEL1_AGENT;
		if (!reads || establishments.find(uai).isEmpty()) {
			throw Problems.notFound("Établissement " + uai);
		}
		if (write && !(List.of(Role.ADMIN, Role.CD_AGENT, Role.ACA_AGENT).contains(user.role())
				|| (user.role() == Role.SCHOOL_STAFF && uai.equals(user.establishment())))) {
			throw Problems.forbidden("Votre rôle ne permet pas de modifier les contacts de cet établissement.");
		}
	}
}
