package org.entente.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal-data breaches: the register (page, CSV, XLSX) and the breach page with its 48-hour clock and the
 * notification the DPO sends to the Académie.
 */
@Controller
class BreachPageController {

	private final BreachService breaches;

	private final MessageSource messages;

	BreachPageController(BreachService breaches, MessageSource messages) {
		this.breaches = breaches;
		this.messages = messages;
	}

	@GetMapping("/securite/violations")
	String register(@AuthenticationPrincipal EntenteUser user, Model model) {
		Instant now = breaches.now();
		model.addAttribute("breaches", breaches.register(user, 0, 500).stream().limit(500).toList());
		model.addAttribute("now", now);
		model.addAttribute("zone", breaches.zone());
		return "security/breaches";
	}

	@GetMapping("/securite/violations/registre.csv")
	ResponseEntity<byte[]> registerCsv(@AuthenticationPrincipal EntenteUser user) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		BreachRegisterExport.csv(breaches.register(user, 0, 100_000), breaches.zone(), breaches.now(), out);
		return file(out.toByteArray(), "registre-violations.csv", org.entente.common.CsvWriter.MEDIA_TYPE);
	}

	@GetMapping("/securite/violations/registre.xlsx")
	ResponseEntity<byte[]> registerXlsx(@AuthenticationPrincipal EntenteUser user) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		BreachRegisterExport.xlsx(breaches.register(user, 0, 100_000), breaches.zone(), breaches.now(), out);
		return file(out.toByteArray(), "registre-violations.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	private static ResponseEntity<byte[]> file(byte[] content, String name, String type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(MediaType.parseMediaType(type))
			.body(content);
	}

	@GetMapping("/securite/violations/{id}")
	String breach(@AuthenticationPrincipal EntenteUser user, @PathVariable long id, Model model) {
		Breach b = breaches.get(user, id);
		Instant now = breaches.now();
		model.addAttribute("breach", b);
		model.addAttribute("zone", breaches.zone());
		model.addAttribute("late", b.late(now));
		Duration left = b.notifiedAt() == null ? Duration.between(now, b.notifyBy()) : Duration.ZERO;
		model.addAttribute("hoursLeft", Math.abs(left.toHours()));
		model.addAttribute("minutesLeft", Math.abs(left.toMinutesPart()));
		Duration elapsed = b.elapsed(now);
		model.addAttribute("elapsedHours", elapsed.toHours());
		model.addAttribute("elapsedMinutes", elapsed.toMinutesPart());
		model.addAttribute("within", breaches.rules().within().toHours());
		model.addAttribute("rules", breaches.rules());
		model.addAttribute("mail", breaches.notificationText(b));
		model.addAttribute("attachments", breaches.attachments(b));
		model.addAttribute("reminders", breaches.reminders(b));
		model.addAttribute("canNotify", user.role() == Role.DPO && b.notifiedAt() == null);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "security/breach";
	}

	@PostMapping("/securite/violations/{id}/notification")
	String notifyAcademy(@AuthenticationPrincipal EntenteUser user, @PathVariable long id,
			@RequestParam(required = false) String lateReason,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		List<BreachService.Attachment> attachments = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (!f.isEmpty()) {
				attachments.add(new BreachService.Attachment(BreachApiController.filename(f.getOriginalFilename()),
						f.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : f.getContentType(), f.getBytes()));
			}
		}
		try {
			breaches.notifyAcademy(user, id, lateReason, attachments);
			redirect.addFlashAttribute("done", messages.getMessage("sec.breach.done.notified", new Object[] { breaches.rules().to() },
					LocaleContextHolder.getLocale()));
		}
		catch (ProblemException e) {
			if (e.errors().isEmpty()) {
				throw e;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(f -> errors.put(f.field().startsWith("files") ? "files" : f.field(), f.message()));
			redirect.addFlashAttribute("errors", errors);
		}
		return "redirect:/securite/violations/" + id;
	}
}
