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
class EstablishmentContactApiController {

	private final EstablishmentContacts contacts;

	EstablishmentContactApiController(EstablishmentContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/api/v1/establishments/{uai}/contacts")
	List<Contact> contacts(@PathVariable String uai, @AuthenticationPrincipal EntenteUser user) {
		return contacts.contacts(uai, user);
	}

	@PutMapping(path = "/api/v1/establishments/{uai}/contacts", consumes = "application/json")
	List<Contact> replace(@PathVariable String uai, @RequestBody List<Contact> body, @AuthenticationPrincipal EntenteUser user) {
		return contacts.replace(uai, body, user);
	}
}
