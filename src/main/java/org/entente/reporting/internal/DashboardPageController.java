package org.entente.reporting.internal;

import java.time.LocalDate;

import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.entente.worktime.WorkTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The global dashboard page {@code /indicateurs}: period (default: this month so far) and filters. */
@Controller
class DashboardPageController {

	private final Dashboard dashboard;
	private final ReportingPermissions permissions;
	private final WorkTime workTime;

	DashboardPageController(Dashboard dashboard, ReportingPermissions permissions, WorkTime workTime) {
		this.dashboard = dashboard;
		this.permissions = permissions;
		this.workTime = workTime;
	}

	@GetMapping("/indicateurs")
	@PreAuthorize("@reportingPermissions.read(authentication)")
	String dashboard(@AuthenticationPrincipal EntenteUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String party, @RequestParam(required = false) String establishment,
			@RequestParam(required = false) String component, Model model) {
		LocalDate today = LocalDate.now(workTime.calendar().zone());
		LocalDate start = from == null ? today.withDayOfMonth(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw ProblemException.invalidParameter("to", "La fin de la période « to » précède son début « from ».");
		}
		model.addAttribute("view", dashboard.view(new Figures.Filter(party, establishment, component), start, end,
				permissions.dashboardParty(user)));
		return "reporting/dashboard";
	}
}
