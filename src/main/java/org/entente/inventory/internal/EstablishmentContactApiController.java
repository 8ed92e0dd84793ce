package org.entente.inventory.internal;

import java.util.List;

import org.entente.directory.EntenteUser;
import org.entente.inventory.internal.EstablishmentContacts.Contact;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Each establishment's contacts over the API (the establishments themselves and their import are the directory's). */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Annuaire", description = "Établissements, contacts, plan d'adressage et comptes")
class EstablishmentContactApiController {

	private final EstablishmentContacts contacts;

	EstablishmentContactApiController(EstablishmentContacts contacts) {
		this.contacts = contacts;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Contacts d'un établissement",
			description = "Les contacts du collège (rôle, nom, téléphone, courriel) ; 404 hors du périmètre.")
	@GetMapping("/api/v1/establishments/{uai}/contacts")
	List<Contact> contacts(@PathVariable String uai, @AuthenticationPrincipal EntenteUser user) {
		return contacts.contacts(uai, user);
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Remplacer les contacts d'un établissement",
			description = "La liste envoyée remplace la précédente.")
	@PutMapping(path = "/api/v1/establishments/{uai}/contacts", consumes = "application/json")
	List<Contact> replace(@PathVariable String uai, @RequestBody List<Contact> body, @AuthenticationPrincipal EntenteUser user) {
		return contacts.replace(uai, body, user);
	}
}
