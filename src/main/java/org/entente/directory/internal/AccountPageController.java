package org.entente.directory.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.directory.Account;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The account pages: list with filters, create, edit, disable and enable, reset by link (administrators and
 * account managers); each person's own password; the page a set-password link opens. Errors show next to their
 * field and change nothing.
 */
@Controller
class AccountPageController {

	private final AccountAdministration administration;
	private final AccountImport imports;
	private final AccountCredentials credentials;
	private final Establishments establishments;
	private final SingleSignOnService sso;

	AccountPageController(AccountAdministration administration, AccountCredentials credentials,
			AccountImport imports, Establishments establishments, SingleSignOnService sso) {
		this.administration = administration;
		this.imports = imports;
		this.credentials = credentials;
		this.establishments = establishments;
		this.sso = sso;
	}

	/** Where single sign-on sends a person whom no rule gives a role: whom to ask. */
	@GetMapping("/connexion/sans-compte")
	String unmapped(@RequestParam(name = "fournisseur", defaultValue = "") String provider, Model model) {
		model.addAttribute("contact", sso.contact(provider));
		return "directory/unmapped";
	}

	@GetMapping("/comptes")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String party, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) Boolean enabled, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal EntenteUser user, Model model) {
		var filters = new AccountAdministration.Filters(q, AccountApiController.role(role), party, establishment, enabled);
		model.addAttribute("accounts", administration.list(filters, page, 50, user));
		model.addAttribute("filters", filters);
		model.addAttribute("roles", AccountAdministration.assignableRoles(user));
		return "directory/accounts";
	}

	@GetMapping("/comptes/import")
	String importForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		if (!AccountAdministration.mayAdminister(user)) {
			throw ProblemException.forbidden("Seuls l'administration et les gestionnaires de comptes gèrent les comptes.");
		}
		model.addAttribute("header", String.join(",", AccountImport.IMPORT_COLUMNS) + ","
				+ String.join(",", AccountImport.IMPORT_OPTIONAL));
		model.addAttribute("roles", AccountAdministration.assignableRoles(user));
		return "directory/import";
	}

	@PostMapping("/comptes/import")
	String importFile(@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
			@RequestParam(defaultValue = "false") boolean commit, @AuthenticationPrincipal EntenteUser user, Model model)
			throws java.io.IOException {
		importForm(user, model);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "choisissez un fichier CSV");
			return "directory/import";
		}
		try (var reader = org.entente.common.CsvReader.utf8(file.getInputStream())) {
			model.addAttribute("result", imports.importCsv(reader, user, !commit, base()));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return "directory/import";
	}

	@GetMapping("/comptes/nouveau")
	String createForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		if (!AccountAdministration.mayAdminister(user)) {
			throw ProblemException.forbidden("Seuls l'administration et les gestionnaires de comptes gèrent les comptes.");
		}
		form(model, user, new AccountAdministration.AccountRequest("", "", "", "", "", "", null), null, true);
		return "directory/account-form";
	}

	@PostMapping("/comptes/nouveau")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String party, @RequestParam(defaultValue = "") String establishment,
			@RequestParam(defaultValue = "") String password, @AuthenticationPrincipal EntenteUser user, Model model,
			RedirectAttributes redirect) {
		var request = new AccountAdministration.AccountRequest(username, displayName, email, role, party, establishment,
				password.isEmpty() ? null : password);
		try {
			Account created = administration.create(request, user, base());
			redirect.addFlashAttribute("saved", request.password() != null ? "created" : "invited");
			return "redirect:/comptes/" + created.username();
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			form(model, user, request, e, true);
			return "directory/account-form";
		}
	}

	@GetMapping("/comptes/{username}")
	String edit(@PathVariable String username, @AuthenticationPrincipal EntenteUser user, Model model) {
		Account a = administration.get(username, user);
		form(model, user, new AccountAdministration.AccountRequest(a.username(), a.displayName(), a.email(), a.role().name(),
				a.party(), a.establishment(), null), null, false);
		model.addAttribute("account", a);
		model.addAttribute("history", administration.history(username, user));
		model.addAttribute("oidc", administration.oidcIdentity(username).orElse(null));
		return "directory/account-form";
	}

	@PostMapping("/comptes/{username}")
	String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String party, @RequestParam(defaultValue = "") String establishment,
			@RequestParam(required = false) String headForm, @RequestParam(required = false) String headOfEstablishment,
			@RequestParam(defaultValue = "") String headFunction,
			@AuthenticationPrincipal EntenteUser user, Model model, RedirectAttributes redirect) {
		Map<String, Object> patch = new LinkedHashMap<>();
		if (headForm != null) {
			// The head's fields are on the form for an administrator only; an unchecked box is absent.
			patch.put("headOfEstablishment", "true".equals(headOfEstablishment));
			patch.put("headFunction", headFunction);
		}
		patch.put("displayName", displayName);
		patch.put("email", email);
		patch.put("role", role);
		patch.put("party", party.isBlank() ? null : party);
		patch.put("establishment", establishment.isBlank() ? null : establishment);
		try {
			administration.update(username, patch, user);
			redirect.addFlashAttribute("saved", "updated");
			return "redirect:/comptes/" + username;
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			Account a = administration.get(username, user);
			form(model, user, new AccountAdministration.AccountRequest(username, displayName, email, role, party, establishment, null),
					e, false);
			model.addAttribute("account", a);
			model.addAttribute("history", administration.history(username, user));
			model.addAttribute("oidc", administration.oidcIdentity(username).orElse(null));
			return "directory/account-form";
		}
	}

	@PostMapping("/comptes/{username}/activation")
	String activation(@PathVariable String username, @RequestParam boolean enabled, @AuthenticationPrincipal EntenteUser user,
			RedirectAttributes redirect) {
		try {
			administration.update(username, Map.of("enabled", enabled), user);
			redirect.addFlashAttribute("saved", enabled ? "enabled" : "disabled");
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("actionError", e.getMessage());
		}
		return "redirect:/comptes/" + username;
	}

	@PostMapping("/comptes/{username}/reinitialisation")
	String reset(@PathVariable String username, @AuthenticationPrincipal EntenteUser user, RedirectAttributes redirect) {
		try {
			administration.sendReset(username, user, base());
			redirect.addFlashAttribute("saved", "reset");
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			redirect.addFlashAttribute("actionError", e.getMessage());
		}
		return "redirect:/comptes/" + username;
	}

	@GetMapping("/mot-de-passe")
	String ownPasswordForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		model.addAttribute("errors", Map.of());
		return "directory/password";
	}

	@PostMapping("/mot-de-passe")
	String ownPassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, @AuthenticationPrincipal EntenteUser user, Model model) {
		if (user == null) {
			throw ProblemException.forbidden("Un compte local est nécessaire pour changer de mot de passe ici.");
		}
		try {
			if (!password.equals(confirmation)) {
				throw ProblemException.invalid("confirmation", "la confirmation ne reprend pas le nouveau mot de passe");
			}
			credentials.changeOwnPassword(user, current, password);
			model.addAttribute("changed", true);
			model.addAttribute("errors", Map.of());
		}
		catch (ProblemException e) {
			model.addAttribute("errors", errors(e));
		}
		return "directory/password";
	}

	@GetMapping("/mot-de-passe/definir")
	String setPasswordForm(@RequestParam(name = "jeton", defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("linkAccount", credentials.linkAccount(token).orElse(null));
		model.addAttribute("errors", Map.of());
		return "directory/password-set";
	}

	@PostMapping("/mot-de-passe/definir")
	String setPassword(@RequestParam(name = "jeton", defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("linkAccount", credentials.linkAccount(token).orElse(null));
		try {
			if (!password.equals(confirmation)) {
				throw ProblemException.invalid("confirmation", "la confirmation ne reprend pas le mot de passe");
			}
			credentials.setPasswordWithLink(token, password);
			return "redirect:/connexion?motdepasse";
		}
		catch (ProblemException e) {
			model.addAttribute("errors", errors(e));
			return "directory/password-set";
		}
	}

	private void form(Model model, EntenteUser user, AccountAdministration.AccountRequest values, ProblemException e,
			boolean creating) {
		model.addAttribute("values", values);
		model.addAttribute("creating", creating);
		model.addAttribute("roles", AccountAdministration.assignableRoles(user));
		model.addAttribute("establishments", establishments.findAll().stream().filter(x -> x.kind().coveredByConvention()).toList());
		model.addAttribute("errors", e == null ? Map.of() : errors(e));
		model.addAttribute("problem", e == null ? null : e.getMessage());
	}

	private static Map<String, String> errors(ProblemException e) {
		Map<String, String> m = new HashMap<>();
		e.errors().forEach(f -> m.putIfAbsent(f.field(), f.message()));
		if (m.isEmpty()) {
			m.put("form", e.getMessage());
		}
		return m;
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
