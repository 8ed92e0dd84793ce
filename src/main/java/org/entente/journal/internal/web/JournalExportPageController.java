package org.entente.journal.internal.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.JournalAccess;
import org.entente.journal.internal.JournalExportJobs;
import org.entente.journal.internal.JournalExportJobs.Kind;
import org.entente.journal.internal.JournalRequests;
import org.entente.journal.internal.JournalSearch;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journal's exports page: the Académie's periodic delivery (the previous month by default), a requisition's
 * export (its reference in the security module's requisition record) or another stated purpose. The archive is made
 * in the background; its page shows the progress and then offers the download.
 */
@Controller
class JournalExportPageController {

	static final List<String> FIELDS = List.of("kind", "from", "to", "establishment", "address", "user", "requisition", "purpose");

	private final JournalExportJobs jobs;
	private final JournalProperties properties;
	private final Establishments establishments;

	private final org.springframework.context.MessageSource messages;

	JournalExportPageController(JournalExportJobs jobs, JournalProperties properties, Establishments establishments,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.jobs = jobs;
		this.properties = properties;
		this.establishments = establishments;
	}

	@GetMapping("/journal/exports")
	String form(@AuthenticationPrincipal EntenteUser me, @RequestParam(required = false) String kind, Model model) {
		JournalAccess.require(JournalAccess.mayExport(me));
		ZoneId zone = properties.zone();
		Map<String, String> form = new LinkedHashMap<>();
		FIELDS.forEach(f -> form.put(f, ""));
		Kind k = parseKind(kind);
		form.put("kind", k.name());
		if (k == Kind.ACADEMY) {
			LocalDate first = LocalDate.now(zone).withDayOfMonth(1);
			form.put("from", first.minusMonths(1).atStartOfDay().toString());
			form.put("to", first.atStartOfDay().toString());
			// Pre-filled in the reader's language; what is sent is what the field then holds, written to the custody log.
			form.put("purpose", messages.getMessage("journal.export.academyPurpose", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		else {
			form.put("from", LocalDate.now(zone).atStartOfDay().toString());
			form.put("to", LocalDateTime.now(zone).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString());
		}
		return page(me, model, form, new LinkedHashMap<>());
	}

	@PostMapping("/journal/exports")
	String start(@AuthenticationPrincipal EntenteUser me, @RequestParam Map<String, String> params, Model model) {
		JournalAccess.require(JournalAccess.mayExport(me));
		Map<String, String> form = new LinkedHashMap<>();
		FIELDS.forEach(f -> form.put(f, params.getOrDefault(f, "").strip()));
		Map<String, String> errors = new LinkedHashMap<>();
		Kind kind = parseKind(form.get("kind"));
		try {
			JournalSearch.Criteria c = JournalRequests.criteria(form.get("from"), form.get("to"), form.get("establishment"),
					null, null, form.get("user"), null, form.get("address"), properties.zone());
			String purpose = JournalRequests.blank(form.get("purpose"));
			JournalExportJobs.Job job = jobs.start(me, kind, c, purpose, form.get("requisition"));
			return "redirect:/journal/exports/" + job.id();
		}
		catch (ProblemException e) {
			if (e.status().is4xxClientError() && e.status().value() != 403) {
				e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " ; " + b));
				if (errors.isEmpty()) {
					errors.put("purpose", e.getMessage());
				}
				return page(me, model, form, errors);
			}
			throw e;
		}
	}

	private String page(EntenteUser me, Model model, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("establishments", establishments.findAll());
		model.addAttribute("mine", jobs.mine(me));
		model.addAttribute("zone", properties.zone());
		return "journal/exports";
	}

	@GetMapping("/journal/exports/{id}")
	String job(@AuthenticationPrincipal EntenteUser me, @PathVariable String id, Model model) {
		JournalAccess.require(JournalAccess.mayExport(me));
		model.addAttribute("job", jobs.get(me, id));
		model.addAttribute("zone", properties.zone());
		return "journal/export";
	}

	/** The progress block alone, which the job page asks for every second while the export runs. */
	@GetMapping("/journal/exports/{id}/progression")
	String progress(@AuthenticationPrincipal EntenteUser me, @PathVariable String id, Model model) {
		JournalAccess.require(JournalAccess.mayExport(me));
		model.addAttribute("job", jobs.get(me, id));
		return "journal/export :: progress";
	}

	@GetMapping("/journal/exports/{id}/archive")
	ResponseEntity<Resource> archive(@AuthenticationPrincipal EntenteUser me, @PathVariable String id) {
		JournalExportJobs.Job job = jobs.get(me, id);
		Path file = jobs.download(me, id)
			.orElseThrow(() -> ProblemException.conflict("Export pas prêt", "L'archive de cet export n'est pas (ou plus) disponible."));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.filename()).build().toString())
			.body(new FileSystemResource(file));
	}

	private static Kind parseKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return Kind.REQUISITION;
		}
		try {
			return Kind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			return Kind.OTHER;
		}
	}
}
