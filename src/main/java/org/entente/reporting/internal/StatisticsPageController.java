package org.entente.reporting.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly statistics page {@code /indicateurs/statistiques}: a closed month's productions (each kept with the
 * convention version it used) and, for those who may produce (as by the API), a button to produce it again.
 */
@Controller
class StatisticsPageController {

	private final StatisticsProduction production;
	private final StatisticsStore store;
	private final ReportingPermissions permissions;

	StatisticsPageController(StatisticsProduction production, StatisticsStore store, ReportingPermissions permissions) {
		this.production = production;
		this.store = store;
		this.permissions = permissions;
	}

	@GetMapping("/indicateurs/statistiques")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	String page(Authentication authentication, @RequestParam(required = false) String month, Model model) {
		YearMonth current = production.currentMonth();
		YearMonth chosen = month == null || month.isBlank() ? current.minusMonths(1) : MonthlyStatistics.month(month);
		List<YearMonth> months = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			months.add(current.minusMonths(i));
		}
		model.addAttribute("month", chosen);
		model.addAttribute("closed", chosen.isBefore(current));
		model.addAttribute("months", months);
		model.addAttribute("productions", store.all(chosen.toString()));
		model.addAttribute("mayProduce", permissions.produce(authentication));
		return "reporting/statistics";
	}

	@PostMapping("/indicateurs/statistiques/{month}/productions")
	@PreAuthorize("@reportingPermissions.produce(authentication)")
	String produce(@AuthenticationPrincipal EntenteUser user, @PathVariable String month, RedirectAttributes redirect) {
		YearMonth m = MonthlyStatistics.month(month);
		StatisticsProduction.Produced p = production.produce(m, user.getUsername(), true);
		redirect.addFlashAttribute("produced", p.stored().id());
		return "redirect:/indicateurs/statistiques?month=" + m;
	}
}
