package org.entente.journal.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.PageSlice;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.JournalAccess;
import org.entente.journal.internal.JournalRequests;
import org.entente.journal.internal.JournalSearch;
import org.entente.journal.internal.JournalService;
import org.entente.journal.internal.intake.SyslogParserAccess;
import org.entente.journal.internal.store.Line;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journal's search page for its operators: a period and any of establishment, sender, user, address and text,
 * with the purpose of the search (written to the custody log); the count is exact up to 10 000, the raw lines are
 * shown 50 at a time, as received.
 */
@Controller
class JournalSearchPageController {

	static final int PAGE_SIZE = 50;
	static final List<String> FIELDS = List.of("from", "to", "establishment", "sender", "user", "address", "q", "purpose");

	/** A line as the page shows it: its raw text, and whether its bytes are not UTF-8 (then the export is exact). */
	record Row(long index, Instant receivedAt, String sender, String receiver, String raw, boolean notUtf8) {
	}

	private final JournalService service;
	private final JournalProperties properties;
	private final Establishments establishments;
	private final MessageSource messages;

	JournalSearchPageController(JournalService service, JournalProperties properties, Establishments establishments,
			MessageSource messages) {
		this.messages = messages;
		this.service = service;
		this.properties = properties;
		this.establishments = establishments;
	}

	@GetMapping("/journal")
	String search(@AuthenticationPrincipal EntenteUser me, @RequestParam Map<String, String> params, Model model) {
		if (!JournalAccess.maySearch(me)) {
			JournalAccess.require(JournalAccess.mayVerify(me));
			return "redirect:" + (JournalAccess.mayExport(me) ? "/journal/exports" : JournalAccess.mayReadCustody(me) ? "/journal/garde" : "/journal/cle");
		}
		ZoneId zone = properties.zone();
		Map<String, String> form = new LinkedHashMap<>();
		for (String f : FIELDS) {
			form.put(f, params.getOrDefault(f, "").strip());
		}
		boolean asked = params.containsKey("from");
		if (!asked) {
			form.put("from", LocalDate.now(zone).atStartOfDay().toString());
			form.put("to", LocalDateTime.now(zone).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone);
		model.addAttribute("establishments", establishments.findAll());
		if (!asked) {
			return "journal/search";
		}
		int page = 0;
		try {
			page = Integer.parseInt(params.getOrDefault("page", "0"));
			PageSlice.check(page, PAGE_SIZE, PAGE_SIZE);
		}
		catch (NumberFormatException | ProblemException e) {
			page = 0;
		}
		String purpose = JournalRequests.blank(form.get("purpose"));
		if (purpose == null) {
			errors.put("purpose", messages.getMessage("journal.search.error.purpose", null, LocaleContextHolder.getLocale()));
		}
		else if (purpose.length() > 500) {
			errors.put("purpose", messages.getMessage("journal.search.error.purposeLength", null, LocaleContextHolder.getLocale()));
		}
		JournalSearch.Criteria c = null;
		try {
			c = JournalRequests.criteria(form.get("from"), form.get("to"), form.get("establishment"), null, form.get("sender"),
					form.get("user"), form.get("q"), form.get("address"), zone);
		}
		catch (ProblemException e) {
			e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " ; " + b));
			if (e.errors().isEmpty()) {
				errors.put(e.parameter() != null ? e.parameter() : "from", e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			return "journal/search";
		}
		JournalSearch.Result r = service.search(me, c, purpose, page, PAGE_SIZE);
		model.addAttribute("result", r);
		model.addAttribute("rows", r.lines().stream().map(JournalSearchPageController::row).toList());
		model.addAttribute("page", page);
		model.addAttribute("hasPrevious", page > 0);
		model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < r.total() || r.capped() && r.lines().size() == PAGE_SIZE);
		model.addAttribute("first", (long) page * PAGE_SIZE + 1);
		model.addAttribute("last", (long) page * PAGE_SIZE + r.lines().size());
		return "journal/search";
	}

	static Row row(Line l) {
		return new Row(l.index(), Instant.ofEpochSecond(0, l.receivedAtMicros() * 1000), l.sender(), l.receiver(),
				new String(l.raw(), StandardCharsets.UTF_8), !SyslogParserAccess.validUtf8(l.raw()));
	}
}
