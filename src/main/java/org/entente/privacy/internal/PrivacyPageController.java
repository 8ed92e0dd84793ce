package org.entente.privacy.internal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.entente.common.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The pages of personal data: identity import with its preview, register and copies, purges, requests. */
@Controller
class PrivacyPageController {

	private final IdentityImport identityImport;
	private final ProcessingRegister register;
	private final Purges purges;
	private final SubjectRequests requests;
	private final RetentionPolicy retention;
	private final MessageSource messages;

	PrivacyPageController(IdentityImport identityImport, ProcessingRegister register, Purges purges,
			SubjectRequests requests, RetentionPolicy retention, MessageSource messages) {
		this.messages = messages;
		this.identityImport = identityImport;
		this.register = register;
		this.purges = purges;
		this.requests = requests;
		this.retention = retention;
	}

	@GetMapping("/donnees-personnelles/identites")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String importForm(Model model) {
		model.addAttribute("mode", "full");
		return "privacy/import";
	}

	@PostMapping("/donnees-personnelles/identites")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "full") String mode,
			@RequestParam(defaultValue = "preview") String action, Authentication auth, Model model) throws java.io.IOException {
		model.addAttribute("mode", mode);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", messages.getMessage("privacy.import.error.noFile", null, LocaleContextHolder.getLocale()));
			return "privacy/import";
		}
		IdentityImport.Mode m = "partial".equals(mode) ? IdentityImport.Mode.PARTIAL : IdentityImport.Mode.FULL;
		boolean dryRun = !"import".equals(action);
		try (Reader reader = org.entente.common.CsvReader.utf8(file.getInputStream())) {
			model.addAttribute("result", identityImport.run(reader, m, dryRun, auth.getName()));
		}
		catch (ProblemException e) {
			model.addAttribute("problem", e.getMessage());
		}
		return "privacy/import";
	}

	@GetMapping("/donnees-personnelles/registre")
	@PreAuthorize("@privacyPermissions.readRegister(authentication)")
	String register(Model model) {
		model.addAttribute("entries", register.list());
		model.addAttribute("today", retention.today());
		return "privacy/register";
	}

	@PostMapping("/donnees-personnelles/registre/{id}/copie")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String recordCopy(@PathVariable long id, @RequestParam(required = false) String sentOn,
			@RequestParam(required = false) String sentTo, Authentication auth, Model model) {
		try {
			register.recordCopy(id, sentOn == null || sentOn.isBlank() ? null : LocalDate.parse(sentOn), sentTo, auth.getName(), false);
			return "redirect:/donnees-personnelles/registre";
		}
		catch (ProblemException | DateTimeParseException e) {
			model.addAttribute("copyError", e instanceof ProblemException p ? p.getMessage() : "Date invalide (AAAA-MM-JJ).");
			model.addAttribute("copyFor", id);
			return register(model);
		}
	}

	@GetMapping("/donnees-personnelles/purges")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String purges(Model model) {
		model.addAttribute("runs", purges.latest(50));
		model.addAttribute("notPerPerson", purges.notPerPerson());
		// Each category as the convention file words it (« tickets anonymisés, gardés pour les statistiques »), not its code.
		java.util.Map<String, String> labels = new java.util.HashMap<>();
		retention.rules().forEach(r -> labels.put(r.category(), r.label()));
		model.addAttribute("categoryLabels", labels);
		return "privacy/purges";
	}

	@PostMapping("/donnees-personnelles/purges")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String runPurge(@RequestParam(defaultValue = "true") boolean dryRun, Authentication auth) {
		purges.run(retention.today(), dryRun, "MANUAL", auth.getName());
		return "redirect:/donnees-personnelles/purges";
	}

	@GetMapping("/donnees-personnelles/demandes")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String requests(Model model) {
		model.addAttribute("requests", requests.list(false));
		model.addAttribute("kinds", SubjectRequests.Kind.values());
		model.addAttribute("today", retention.today());
		return "privacy/requests";
	}

	@PostMapping("/donnees-personnelles/demandes")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String recordRequest(@RequestParam(required = false) String kind, @RequestParam(required = false) String receivedAt,
			@RequestParam(required = false) String receivedBy, @RequestParam(required = false) String subjectUid,
			Authentication auth, Model model) {
		try {
			SubjectRequests.Request r = requests.record(blankToNull(kind), blankToNull(receivedAt), blankToNull(receivedBy),
					blankToNull(subjectUid), auth.getName());
			return "redirect:/donnees-personnelles/demandes?enregistree=" + r.id() + "#demande-" + r.id();
		}
		catch (ProblemException e) {
			model.addAttribute("problem", e);
			model.addAttribute("form", java.util.Map.of("kind", nonNull(kind), "receivedAt", nonNull(receivedAt),
					"receivedBy", nonNull(receivedBy), "subjectUid", nonNull(subjectUid)));
			return requests(model);
		}
	}

	@PostMapping("/donnees-personnelles/demandes/{id}/{action:prolongation|reponse}")
	@PreAuthorize("@privacyPermissions.manage(authentication)")
	String followRequest(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String text,
			Authentication auth, Model model) {
		try {
			if ("prolongation".equals(action)) {
				requests.extend(id, text, auth.getName());
			}
			else {
				requests.answer(id, text, auth.getName());
			}
			return "redirect:/donnees-personnelles/demandes#demande-" + id;
		}
		catch (ProblemException e) {
			model.addAttribute("rowProblem", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
			model.addAttribute("rowFor", id);
			model.addAttribute("rowAction", action);
			model.addAttribute("rowText", nonNull(text));
			return requests(model);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}
