package org.entente.policy.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.convention.ConventionLabels;
import org.entente.common.FieldReader;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.policy.PolicyRevisionsDue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The register pages: every policy row, one row with its history, publish form and acknowledgements, the home banner. */
@Controller
class PolicyPageController {

	private final PolicyRegister register;
	private final PolicyPermissions permissions;
	private final PolicyRevisionsDue revisions;
	private final PolicyRows rows;
	private final AddressPlanVersions addressPlan;
	private final ConventionLabels labels;

	PolicyPageController(PolicyRegister register, PolicyPermissions permissions, PolicyRevisionsDue revisions, PolicyRows rows,
			AddressPlanVersions addressPlan, ConventionLabels labels) {
		this.labels = labels;
		this.register = register;
		this.permissions = permissions;
		this.revisions = revisions;
		this.rows = rows;
		this.addressPlan = addressPlan;
	}

	@GetMapping("/politiques")
	String list(Model model) {
		model.addAttribute("rows", register.register());
		model.addAttribute("revisions", revisions.all(LocalDate.now(zone())));
		return "policy/register";
	}

	@GetMapping("/politiques/{code}")
	String row(@AuthenticationPrincipal EntenteUser user, @PathVariable String code, Model model) {
		return page(user, code, model, Map.of("effectiveOn", LocalDate.now(zone()).toString()), Map.of(), null);
	}

	@PostMapping("/politiques/{code}/versions")
	String publish(@AuthenticationPrincipal EntenteUser user, @PathVariable String code,
			@RequestParam Map<String, String> params, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model) throws IOException {
		PolicyRegister.Attachment attachment = file == null || file.isEmpty() ? null
				: new PolicyRegister.Attachment(file.getOriginalFilename() == null ? "document" : file.getOriginalFilename().replaceAll("[\\\\/\\r\\n\"]", "_"),
						file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes());
		try {
			PolicyRegister.Version v = register.publish(user, code, () -> PolicyApiController.read(FieldReader.ofTexts(params::get), attachment == null), attachment);
			return "redirect:/politiques/" + code + "?publiee=" + v.number();
		}
		catch (ProblemException e) {
			return page(user, code, model, FormErrors.form(params), FormErrors.of(e), null);
		}
	}

	@PostMapping("/politiques/{code}/versions/{number}/accuse")
	String acknowledge(@AuthenticationPrincipal EntenteUser user, @PathVariable String code, @PathVariable int number) {
		register.acknowledge(user, code, number);
		return "redirect:/politiques/" + code + "?accuse=" + number;
	}

	/** The banner of the home page: the overdue revisions of the signed-in agent's party (empty for anyone else). */
	@GetMapping("/politiques/bandeau")
	String banner(@AuthenticationPrincipal EntenteUser user, Model model) {
		String party = PolicyPermissions.agentParty(user);
		model.addAttribute("overdue", party == null ? List.of() : revisions.overdueFor(party, LocalDate.now(zone())));
		return "policy/banner :: banner";
	}

	private String page(EntenteUser user, String code, Model model, Map<String, String> form, Map<String, String> errors, String notice) {
		PolicyRegister.Row row = register.row(code);
		model.addAttribute("row", row);
		// The page title is a fragment parameter, where Thymeleaf forbids bean calls: the row's name comes from here.
		model.addAttribute("rowName", labels.component(row.component()));
		model.addAttribute("history", register.history(code));
		model.addAttribute("canPublish", permissions.publish(user, row.component()));
		String uai = user == null ? null : user.establishment();
		boolean mine = row.current() != null && permissions.acknowledge(user, uai) && row.acknowledgements().missing().contains(uai);
		boolean head = mine && register.isHead(user);
		model.addAttribute("canAcknowledge", head);
		// Another account of the collège sees who must acknowledge (its head), or that none is designated.
		model.addAttribute("mustAcknowledge", mine && !head);
		Map<String, List<String>> heads = row.current() == null ? Map.of() : register.heads();
		model.addAttribute("heads", heads);
		model.addAttribute("myHeads", uai == null ? List.of() : heads.getOrDefault(uai, List.of()));
		model.addAttribute("byUai", row.current() == null ? Map.of() : row.acknowledgements().by().stream()
			.collect(java.util.stream.Collectors.toMap(PolicyRegister.Acknowledgement::uai, a -> a)));
		model.addAttribute("acknowledged", row.current() != null && uai != null && row.acknowledgements().acknowledged().contains(uai));
		model.addAttribute("names", names());
		model.addAttribute("planVersions", AddressPlanVersions.COMPONENT.equals(code) ? addressPlan.list() : List.of());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", zone());
		return "policy/row";
	}

	private Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		register.establishments().forEach(e -> names.put(e.uai().value(), e.name()));
		return names;
	}

	private ZoneId zone() {
		return ZoneId.of(rows.convention().calendar().zone());
	}
}
