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
@io.swagger.v3.oas.annotations.tags.Tag(name = "Inventaire", description = "Équipements, référentiel, catalogue, achats sur fonds propres, logiciels")
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

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire le référentiel d'équipement",
			description = "La version en vigueur du référentiel d'équipement des collèges (dotation attendue par type).")
	@GetMapping("/referentiel")
	Referentiel.Version referentiel() {
		return referentiel.current().orElseThrow(() -> ProblemException.notFound("Introuvable", "Référentiel d'équipement introuvable."));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Publier une version du référentiel",
			description = "Réservé au Département ; la version publiée remplace la précédente, qui reste dans l'historique.")
	@PostMapping("/referentiel")
	ResponseEntity<Referentiel.Version> publish(@RequestBody ReferentielBody body, @AuthenticationPrincipal EntenteUser user) {
		requireCd(user);
		return ResponseEntity.status(HttpStatus.CREATED).body(referentiel.publish(body.lines() == null ? List.of() : body.lines(), body.note(), user.getUsername()));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire le catalogue d'achat",
			description = "Le catalogue en vigueur des matériels que les collèges peuvent acheter sur leurs fonds propres.")
	@GetMapping("/catalogue")
	Referentiel.Catalogue catalogue() {
		return referentiel.catalogue().orElseThrow(() -> ProblemException.notFound("Introuvable", "Catalogue d'achat introuvable."));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Publier le catalogue d'achat",
			description = "Réservé au Département ; remplace le catalogue en vigueur.")
	@PostMapping("/catalogue")
	ResponseEntity<Referentiel.Catalogue> publishCatalogue(@RequestBody CatalogueBody body, @AuthenticationPrincipal EntenteUser user) {
		requireCd(user);
		return ResponseEntity.status(HttpStatus.CREATED).body(referentiel.publishCatalogue(body.items() == null ? List.of() : body.items(), user.getUsername()));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Écarts au référentiel par collège",
			description = "Pour chaque collège du périmètre, la dotation constatée comparée au référentiel (équité entre collèges).")
	@GetMapping("/equity")
	List<Referentiel.Equity> equity(@AuthenticationPrincipal EntenteUser user) {
		InventoryPermissions.Scope scope = access.requireRead(user);
		return referentiel.equity(scope);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Renouvellements à prévoir",
			description = "Les équipements qui atteignent leur fin de vie à la date demandée (asOf, aujourd'hui par défaut), dans le périmètre.")
	@GetMapping("/renewals")
	List<Referentiel.Renewal> renewals(@RequestParam(required = false) LocalDate asOf, @AuthenticationPrincipal EntenteUser user) {
		InventoryPermissions.Scope scope = access.requireRead(user);
		return referentiel.renewalsDue(scope, asOf == null ? LocalDate.now() : asOf);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Demander un achat sur fonds propres",
			description = "Un collège demande l'achat d'équipements du catalogue ; la demande attend l'avis du Département et de l'Académie.")
	@PostMapping("/purchases")
	ResponseEntity<Purchases.Request> submit(@RequestBody Purchases.NewRequest body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(purchases.submit(body, user));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lire une demande d'achat",
			description = "La demande, ses lignes et ses décisions ; 404 hors du périmètre.")
	@GetMapping("/purchases/{id}")
	Purchases.Request purchase(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return purchases.visible(id, user);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Décider d'une demande d'achat",
			description = "Avis du Département ou de l'Académie (accord ou refus, commentaire) selon le rôle du compte.")
	@PostMapping("/purchases/{id}/decision")
	Purchases.Request decide(@PathVariable long id, @RequestBody Decision body, @AuthenticationPrincipal EntenteUser user) {
		return purchases.decide(id, body.approved(), body.comment(), user);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Inventorier les équipements achetés",
			description = "Enregistre dans l'inventaire les équipements livrés pour une demande acceptée ; renvoie leurs identifiants.")
	@PostMapping("/purchases/{id}/assets")
	ResponseEntity<List<Long>> register(@PathVariable long id, @RequestBody List<Purchases.Bought> body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(purchases.register(id, body, user));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Lister les logiciels des catalogues",
			description = "Les logiciels admis, filtrés par catalogue s'il est donné.")
	@GetMapping("/software")
	List<Software> software(@RequestParam(required = false) Catalogue catalogue) {
		return software.list(catalogue);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Ajouter un logiciel au catalogue",
			description = "Réservé au Département et à l'Académie selon le catalogue.")
	@PostMapping("/software")
	ResponseEntity<Software> addSoftware(@RequestBody Software body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(software.create(body, user));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Modifier un logiciel du catalogue",
			description = "Remplace la fiche du logiciel ; le changement entre dans son historique.")
	@PutMapping("/software/{id}")
	Software updateSoftware(@PathVariable long id, @RequestBody Software body, @AuthenticationPrincipal EntenteUser user) {
		return software.update(id, body, user);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Donner l'accord du Département",
			description = "Le Département accepte qu'un logiciel soit installé sur ses équipements.")
	@PostMapping("/software/{id}/cd-agreement")
	Software agree(@PathVariable long id, @AuthenticationPrincipal EntenteUser user) {
		return software.agree(id, user);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Historique d'un logiciel",
			description = "Les changements de la fiche, du plus ancien au plus récent.")
	@GetMapping("/software/{id}/history")
	List<SoftwareCatalogues.Change> softwareHistory(@PathVariable long id) {
		return software.history(id);
	}

	/** A collège asks for software to be added: published as the event the desk turns into a priority-2 request. */
	@io.swagger.v3.oas.annotations.Operation(summary = "Demander l'ajout d'un logiciel",
			description = "Un collège demande un logiciel absent du catalogue : le guichet en fait une demande de priorité 2.")
	@PostMapping("/software/requests")
	ResponseEntity<SoftwareRequested> requestSoftware(@RequestBody SoftwareRequestBody body, @AuthenticationPrincipal EntenteUser user) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(software.request(body.catalogue(), body.name(), body.version(), user));
	}
}
