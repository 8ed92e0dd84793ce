package org.entente.directory.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
import org.entente.directory.Account;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Accounts over the API, for administrators (every account) and CD or ACA account managers (their party's):
 * create, read, list with filters, change (a merge patch, {@code {"enabled":false}} disables), reset a password by
 * mailed link, audit trail. Never returns a password or a hash.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Comptes", description = "Comptes des personnes, par les administrateurs et les gestionnaires de partie")
class AccountApiController {

	/** An account as the API shows it. */
	record AccountView(String username, String displayName, String email, String role, String roleLabel, String party,
			String establishment, boolean enabled, boolean demo, boolean headOfEstablishment, String headFunction) {

		static AccountView of(Account a) {
			return new AccountView(a.username(), a.displayName(), a.email(), a.role().name(), a.role().label(), a.party(),
					a.establishment(), a.enabled(), a.demo(), a.headOfEstablishment(), a.headFunction());
		}
	}

	private final AccountAdministration administration;
	private final AccountImport imports;

	AccountApiController(AccountAdministration administration, AccountImport imports) {
		this.administration = administration;
		this.imports = imports;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Créer un compte",
			description = "Le compte reçoit par courriel un lien pour choisir son mot de passe ; 201 avec son adresse.")
	@PostMapping
	ResponseEntity<AccountView> create(@RequestBody AccountAdministration.AccountRequest request,
			@AuthenticationPrincipal EntenteUser user) {
		Account created = administration.create(request, user, base());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.username())).body(AccountView.of(created));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lister les comptes",
			description = "Filtres (texte, rôle, partie, établissement, actif), pagination ; un gestionnaire ne voit que sa partie.")
	@GetMapping
	PageSlice<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String party, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) Boolean enabled, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal EntenteUser user) {
		return administration.list(new AccountAdministration.Filters(q, role(role), party, establishment, enabled), page, size, user)
			.map(AccountView::of);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire un compte",
			description = "Jamais de mot de passe ni d'empreinte ; 404 hors du périmètre.")
	@GetMapping("/{username}")
	AccountView get(@PathVariable String username, @AuthenticationPrincipal EntenteUser user) {
		return AccountView.of(administration.get(username, user));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Modifier un compte",
			description = "Un patch de fusion (RFC 7396) : {\"enabled\":false} désactive le compte ; {\"headOfEstablishment\":true,\"headFunction\":\"Principale\"} désigne un compte du personnel d'un collège comme chef·fe d'établissement (par un·e administrateur·ice seulement ; seul·e le·la chef·fe accuse réception des politiques pour le collège).")
	@PatchMapping(path = "/{username}", consumes = { "application/json", "application/merge-patch+json" })
	AccountView update(@PathVariable String username, @RequestBody Map<String, Object> patch,
			@AuthenticationPrincipal EntenteUser user) {
		return AccountView.of(administration.update(username, patch, user));
	}

	/** Mails the person a single-use link to choose a new password. */
	@io.swagger.v3.oas.annotations.Operation(summary = "Réinitialiser un mot de passe",
			description = "Envoie à la personne un lien à usage unique pour choisir un nouveau mot de passe.")
	@PostMapping("/{username}/password-reset")
	ResponseEntity<Void> reset(@PathVariable String username, @AuthenticationPrincipal EntenteUser user) {
		administration.sendReset(username, user, base());
		return ResponseEntity.accepted().build();
	}

	/**
	 * CSV import, all or nothing: 200 with the count created (or that would be, with {@code dryRun=true}); 400 with
	 * every faulty line ({@code lines}) and nothing written.
	 */
	@io.swagger.v3.oas.annotations.Operation(summary = "Importer des comptes (CSV)",
			description = "Tout ou rien : le nombre créé (ou qui le serait avec dryRun=true), ou chaque ligne fautive et rien d'écrit.")
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	Map<String, Object> importCsv(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
			@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
			@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/plain", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")) })
			@RequestBody byte[] csv, @RequestParam(defaultValue = "false") boolean dryRun,
			@AuthenticationPrincipal EntenteUser user) {
		// Bytes, not a String: Spring's string converter would replace invalid UTF-8 silently.
		AccountImport.ImportResult r = imports.importCsv(
				org.entente.common.CsvReader.utf8(new java.io.ByteArrayInputStream(csv)), user, dryRun, base());
		if (!r.ok()) {
			throw ProblemException.invalid(r.errors().stream()
				.map(e -> new org.entente.common.FieldProblem(e.column() == null ? "line" : e.column(), "ligne " + e.line() + " : " + e.message()))
				.toList()).with("lines", r.errors()).with("truncated", r.truncated());
		}
		return Map.of("created", r.created(), "dryRun", r.dryRun());
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Historique d'un compte",
			description = "Les changements du compte : qui, quand, quoi.")
	@GetMapping("/{username}/history")
	List<AccountAudit.Change> history(@PathVariable String username, @AuthenticationPrincipal EntenteUser user) {
		return administration.history(username, user);
	}

	static Role role(String role) {
		if (role == null || role.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalidParameter("role", "rôle « " + role + " » inconnu ; rôles possibles : " + List.of(Role.values()));
		}
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
