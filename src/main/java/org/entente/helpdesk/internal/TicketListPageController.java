package org.entente.helpdesk.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.entente.common.CsvWriter;
import org.entente.common.PageSlice;
import org.entente.convention.Conventions;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketStatus;
import org.entente.worktime.Criticality;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The queues: filters, the team's queues, saved filters, clock chips, and the CSV export of what is filtered. */
@Controller
class TicketListPageController {

	private static final int PAGE_SIZE = 25;
	private static final int EXPORT_PAGE = 1000;
	private static final int EXPORT_PAGES = 50;

	/** A filter saved under a name: the query string of the list. */
	record SavedFilterForm(@NotBlank(message = "{helpdesk.error.filterName}") @Size(max = 100, message = "{helpdesk.error.filterName}") String name,
			@NotNull(message = "{helpdesk.error.filterQuery}") @Size(max = 1000, message = "{helpdesk.error.filterQuery}") String query) {
	}

	private final TicketLookup lookup;
	private final SavedFilterRepository savedFilters;
	private final Conventions conventions;
	private final ClockChips chips;
	private final TicketAccess access;
	private final DeskPages pages;

	TicketListPageController(TicketLookup lookup, SavedFilterRepository savedFilters, Conventions conventions,
			ClockChips chips, TicketAccess access, DeskPages pages) {
		this.access = access;
		this.lookup = lookup;
		this.savedFilters = savedFilters;
		this.conventions = conventions;
		this.chips = chips;
		this.pages = pages;
	}

	@GetMapping("/tickets")
	String list(@AuthenticationPrincipal EntenteUser user, TicketFilterForm f, Model model) {
		TicketQuery query = f.query();
		PageSlice<Ticket> slice = lookup.list(user, query, Math.max(0, f.pageNumber()), PAGE_SIZE);
		model.addAttribute("tickets", slice.items());
		model.addAttribute("chips", chips.forTickets(slice.items(), Instant.now()));
		model.addAttribute("filter", f);
		model.addAttribute("queryString", query.queryString());
		model.addAttribute("page", slice.page());
		model.addAttribute("hasNext", slice.hasNext());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("criticalities", Criticality.values());
		model.addAttribute("parties", conventions.current().parties());
		model.addAttribute("requestTypes", conventions.current().serviceLevels().requestTypes());
		model.addAttribute("saved", savedFilters.of(user.getUsername()));
		model.addAttribute("queues", queues(user));
		return "helpdesk/list";
	}

	/** The queues of this account ({@link TicketAccess#queues}) with their labels. */
	private List<Map.Entry<String, String>> queues(EntenteUser user) {
		return access.queues(user).stream()
			.map(q -> Map.entry(q.argument() == null ? pages.text(q.label()) : pages.text(q.label(), q.argument()), q.query()))
			.toList();
	}

	@PostMapping("/tickets/filtres")
	String saveFilter(@AuthenticationPrincipal EntenteUser user, @Valid @ModelAttribute SavedFilterForm form,
			BindingResult binding, RedirectAttributes flash) {
		String query = form.query() == null ? "" : form.query();
		if (binding.hasErrors()) {
			flash.addFlashAttribute("failure", pages.text(binding.getFieldErrors().get(0)));
		}
		else {
			savedFilters.save(user.getUsername(), form.name().trim(), query);
		}
		return "redirect:/tickets" + (query.isBlank() || query.length() > 1000 ? "" : "?" + query);
	}

	@PostMapping("/tickets/filtres/{id}/suppression")
	String deleteFilter(@AuthenticationPrincipal EntenteUser user, @PathVariable long id) {
		savedFilters.delete(user.getUsername(), id);
		return "redirect:/tickets";
	}

	/** CSV for French spreadsheets ({@link CsvWriter}), at most 50,000 rows. */
	@GetMapping("/tickets/export.csv")
	void export(@AuthenticationPrincipal EntenteUser user, TicketFilterForm f, HttpServletResponse response) throws IOException {
		response.setContentType(CsvWriter.MEDIA_TYPE);
		response.setHeader("Content-Disposition", "attachment; filename=\"tickets.csv\"");
		ZoneId zone = pages.zone();
		try (CsvWriter csv = CsvWriter.to(response.getOutputStream(), List.of("Numéro", "Type", "Établissement", "Titre",
				"Composant", "Intervention", "Statut", "Criticité", "Classe de priorité", "Parties", "À arbitrer", "Niveau",
				"Délais", "Renvois", "Ouvert le", "Résolu le"))) {
			PageSlice<Ticket> slice;
			int page = 0;
			do {
				slice = lookup.list(user, f.query(), page++, EXPORT_PAGE);
				for (Ticket t : slice.items()) {
					csv.row(List.of(t.number(), t.kind().label(), t.establishment(), t.title(), t.component(),
							t.intervention().label(), t.status().label(), t.criticality().label(),
							t.priorityClass() == null ? "" : t.priorityClass().toString(), String.join(" ", t.parties()),
							t.toArbitrate() ? "oui" : "non", String.valueOf(t.level()), t.slaState(),
							String.valueOf(t.handBacks()), DeskPages.WHEN.format(t.openedAt().atZone(zone)),
							t.resolvedAt() == null ? "" : DeskPages.WHEN.format(t.resolvedAt().atZone(zone))));
				}
			}
			while (slice.hasNext() && page < EXPORT_PAGES);
		}
	}
}
