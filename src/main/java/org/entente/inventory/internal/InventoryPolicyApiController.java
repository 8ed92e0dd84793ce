package org.entente.inventory.internal;

import org.entente.common.ProblemException;
import java.time.LocalDate;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.entente.inventory.SoftwareRequested;
import org.entente.inventory.internal.SoftwareCatalogues.Catalogue;
import org.entente.inventory.internal.SoftwareCatalogues.Software;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Référentiel, catalogue, equity and renewal views, own-funds purchases, software catalogues. */
@RestController
@RequestMapping("/api/v1/inventory")
class InventoryPolicyApiController {

	record ReferentielBody(String note, List<Referentiel.Line> lines) {
	}

	record CatalogueBody(List<Referentiel.Item> items) {
	}

	record Decision(boolean approved, String comment) {
	}

	record SoftwareRequestBody(String catalogue, String name, String version) {
	}

	private final Referentiel referentiel;
	private final Purchases purchases;
	private final SoftwareCatalogues software;
	private final InventoryPermissions access;
	InventoryPolicyApiController(Referentiel referentiel, Purchases purchases, SoftwareCatalogues software,
			InventoryPermissions access) {
		this.referentiel = referentiel;
		this.purchases = purchases;
		this.software = software;
		this.access = access;
	}

	private void requireCd(EntenteUser user) {
		access.requireDepartment(user, "Le référentiel et le catalogue d'achat sont ceux du Département.");
	}

	@GetMapping("/referentiel")
	Referentiel.Version referentiel() {
		return referentiel.current().orElseThrow(() -> ProblemException.notFound("Introuvable", "Référentiel d'équipement introuvable."));
	}

	@PostMapping("/referentiel")
	ResponseEntity<Referentiel.Version> publish(@RequestBody ReferentielBody body, @AuthenticationPrincipal EntenteUser user) {
		requireCd(user);
		return ResponseEntity.status(HttpStatus.CREATED).body(referentiel.publish(body.lines() == null ? List.of() : body.lines(), body.note(), user.getUsername()));
	}

	@GetMapping("/catalogue")
	Referentiel.Catalogue catalogue() {
		return referentiel.catalogue().orElseThrow(() -> ProblemException.notFound("Introuvable", "Catalogue d'achat introuvable."));
	}

	@PostMapping("/catalogue")
	ResponseEntity<Referentiel.Catalogue> publishCatalogue(@RequestBody CatalogueBody body, @AuthenticationPrincipal EntenteUser user) {
		requireCd(user);
		return ResponseEntity.status(HttpStatus.CREATED).body(referentiel.publishCatalogue(body.items() == null ? List.of() : body.items(), user.getUsername()));
	}

	@GetMapping("/equity")
	List<Referentiel.Equity> equity(@AuthenticationPrincipal EntenteUser user) {
		InventoryPermissions.Scope scope = access.requireRead(user);
		return referentiel.equity(scope);
	}

	@GetMapping("/renewals")
	List<Referentiel.Renewal> renewals(@RequestParam(required = false) LocalDate asOf, @AuthenticationPrincipal EntenteUser user) {
		InventoryPermissions.Scope scope = access.requireRead(user);
		return referentiel.renewalsDue(scope, asOf == null ? LocalDate.now() : asOf);
	}

	@PostMapping("/purchases")
	ResponseEntity<Purchases.Request> submit(@RequestBody Purchases.NewRequest body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(purchases.submit(body, user));
	}

	@GetMapping("/purchases/{id}")
	Purchases.Request purchase(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return purchases.visible(id, user);
	}

	@PostMapping("/purchases/{id}/decision")
	Purchases.Request decide(@PathVariable long id, @RequestBody Decision body, @AuthenticationPrincipal EntenteUser user) {
		return purchases.decide(id, body.approved(), body.comment(), user);
	}

	@PostMapping("/purchases/{id}/assets")
	ResponseEntity<List<Long>> register(@PathVariable long id, @RequestBody List<Purchases.Bought> body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(purchases.register(id, body, user));
	}

	@GetMapping("/software")
	List<Software> software(@RequestParam(required = false) Catalogue catalogue) {
		return software.list(catalogue);
	}

	@PostMapping("/software")
	ResponseEntity<Software> addSoftware(@RequestBody Software body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(software.create(body, user));
	}

	@PutMapping("/software/{id}")
	Software updateSoftware(@PathVariable long id, @RequestBody Software body, @AuthenticationPrincipal EntenteUser user) {
		return software.update(id, body, user);
	}

	@PostMapping("/software/{id}/cd-agreement")
	Software agree(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return software.agree(id, user);
	}

	@GetMapping("/software/{id}/history")
	List<SoftwareCatalogues.Change> softwareHistory(@PathVariable long id) {
		return software.history(id);
	}

	/** A collège asks for software to be added: published as the event the desk turns into a priority-2 request. */
	@PostMapping("/software/requests")
	ResponseEntity<SoftwareRequested> requestSoftware(@RequestBody SoftwareRequestBody body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(software.request(body.catalogue(), body.name(), body.version(), user));
	}
}
