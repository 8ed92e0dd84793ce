package org.entente.convention.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.entente.convention.Component;
import org.entente.convention.Convention;
import org.entente.convention.ConventionFileException;
import org.entente.convention.ConventionLabels;
import org.entente.convention.Conventions;
import org.entente.convention.Domain;
import org.entente.convention.Funding;
import org.entente.convention.InterventionKind;
import org.entente.convention.Network;
import org.entente.convention.ResponsibilityContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** «Qui fait quoi ?» and the versions with their differences (the points to clarify are governance's page, with the committee's answers). */
@Controller
class ConventionPageController {

	/** A domain with the rows that pass the filters. */
	record DomainView(Domain domain, List<Component> rows) {
	}

	private final Conventions conventions;
	private final ConventionLabels labels;

	ConventionPageController(Conventions conventions, ConventionLabels labels) {
		this.conventions = conventions;
		this.labels = labels;
	}

	@GetMapping("/qui-fait-quoi")
	String matrix(@RequestParam(name = "q", required = false) String query,
			@RequestParam(required = false) String party, @RequestParam(required = false) InterventionKind intervention,
			@RequestParam(required = false) String component, @RequestParam(required = false) InterventionKind kind,
			@RequestParam(required = false) Funding funding, @RequestParam(required = false) Network network,
			@RequestParam(required = false) Boolean shared, @RequestParam(required = false) String version, Model model) {
		Convention c = version == null || version.isBlank() ? conventions.current() : conventions.requireVersion(version);
		boolean old = !c.version().equals(conventions.current().version());
		model.addAttribute("oldVersion", old);
		Set<String> matching = query == null || query.isBlank() ? null
				: new LinkedHashSet<>(conventions.search(c.version(), query).stream().map(Component::code).toList());
		List<DomainView> domains = new ArrayList<>();
		int count = 0;
		for (Domain d : c.domains()) {
			List<Component> rows = d.components().stream()
				.filter(r -> matching == null || matching.contains(r.code()))
				.filter(r -> intervention == null || r.area().kinds().contains(intervention))
				.filter(r -> party == null || party.isBlank() || hasParty(r, party, intervention))
				.toList();
			if (!rows.isEmpty()) {
				domains.add(new DomainView(d, rows));
				count += rows.size();
			}
		}
		model.addAttribute("convention", c);
		model.addAttribute("domains", domains);
		model.addAttribute("count", count);
		model.addAttribute("q", query);
		model.addAttribute("party", party);
		model.addAttribute("intervention", intervention);
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("fundings", Funding.values());
		model.addAttribute("networks", Network.values());
		model.addAttribute("component", component);
		model.addAttribute("kind", kind);
		model.addAttribute("funding", funding);
		model.addAttribute("network", network);
		model.addAttribute("shared", shared);
		// Questions are answered by the version in force only; an old version is for reading.
		if (!old && component != null && !component.isBlank() && kind != null) {
			question(model, component, kind, new ResponsibilityContext(funding, network, shared));
		}
		else if (!old && (component != null || kind != null)) {
			questionError(model, "matrix.question.incomplete");
		}
		return "convention/matrix";
	}

	/** The answer in the page's language, or why there is none (in the page's language too). */
	private void question(Model model, String component, InterventionKind kind, ResponsibilityContext context) {
		try {
			model.addAttribute("answer", labels.resolve(component, kind, context));
			model.addAttribute("answerComponent", conventions.component(component));
		}
		catch (org.entente.convention.UnknownComponentException e) {
			List<String> near = e.suggestions().stream().map(c -> c.code() + " (" + labels.component(c) + ")").toList();
			if (near.isEmpty()) {
				questionError(model, "matrix.question.unknownComponent", e.code());
			}
			else {
				questionError(model, "matrix.question.unknownComponentNear", e.code(), String.join(", ", near));
			}
		}
		catch (IllegalArgumentException e) {
			Component row = conventions.component(component);
			questionError(model, "matrix.question.noColumn", labels.component(row), labels.area(row.area()), labels.kind(kind),
					row.area().kinds().toString(), String.join(", ", row.area().kinds().stream().map(labels::kind).toList()));
		}
	}

	private static void questionError(Model model, String key, Object... args) {
		model.addAttribute("questionError", key);
		model.addAttribute("questionErrorArgs", args);
	}

	private static boolean hasParty(Component row, String party, InterventionKind intervention) {
		if (intervention != null) {
			return row.cell(intervention).parties().contains(party);
		}
		return row.cells().values().stream().anyMatch(cell -> cell.parties().contains(party));
	}

	@GetMapping("/convention/versions")
	String versions(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		model.addAttribute("versions", conventions.versions());
		model.addAttribute("convention", conventions.current());
		if (from != null && to != null) {
			try {
				model.addAttribute("diff", conventions.diff(from, to));
			}
			catch (IllegalArgumentException | org.entente.convention.UnknownVersionException e) {
				model.addAttribute("diffError", e.getMessage());
			}
		}
		return "convention/versions";
	}

	@PostMapping("/convention/versions")
	@PreAuthorize("hasRole('ADMIN')")
	String upload(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
			throws IOException {
		String previous = conventions.current().version();
		try {
			if (file.isEmpty()) {
				redirect.addFlashAttribute("uploadErrors", List.of(FaultWords.in(org.entente.common.Wording.of("convention.fault.noFile"),
						org.springframework.context.i18n.LocaleContextHolder.getLocale())));
				return "redirect:/convention/versions#avenant";
			}
			Convention loaded = conventions.upload(file.getOriginalFilename(), file.getBytes(), principal.getName());
			redirect.addFlashAttribute("uploaded", loaded.version());
			return "redirect:/convention/versions?from=" + previous + "&to=" + loaded.version();
		}
		catch (ConventionFileException e) {
			// Each fault in the page's language (its frame always; its message when it has a code, French otherwise).
			java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			redirect.addFlashAttribute("uploadErrors", e.faults().stream().map(f -> f.in(locale)).toList());
			return "redirect:/convention/versions#avenant";
		}
	}
}
