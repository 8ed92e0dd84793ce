package org.entente.journal.internal.web;

import org.entente.common.PageSlice;
import org.entente.directory.EntenteUser;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.JournalAccess;
import org.entente.journal.internal.JournalCustody;
import org.entente.journal.internal.JournalService;
import org.entente.journal.internal.export.JournalExporter;
import org.entente.journal.internal.store.SigningKey;
import org.entente.journal.internal.store.TreeHead;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What lets others check the journal: the custody log (every search, export, download, verification and purge, for
 * the DPOs) and the public key with the latest signed tree head.
 */
@Controller
class JournalProofPageController {

	static final int PAGE_SIZE = 50;

	private final JournalCustody custody;
	private final JournalService service;
	private final JournalProperties properties;

	JournalProofPageController(JournalCustody custody, JournalService service, JournalProperties properties) {
		this.custody = custody;
		this.service = service;
		this.properties = properties;
	}

	@GetMapping("/journal/garde")
	String custody(@AuthenticationPrincipal EntenteUser me, @RequestParam(defaultValue = "0") String page, Model model) {
		JournalAccess.require(JournalAccess.mayReadCustody(me));
		int p;
		try {
			p = Math.max(0, Math.min(Integer.parseInt(page), (int) (PageSlice.MAX_OFFSET / PAGE_SIZE)));
		}
		catch (NumberFormatException e) {
			p = 0;
		}
		model.addAttribute("entries", custody.list(p, PAGE_SIZE));
		model.addAttribute("zone", properties.zone());
		return "journal/custody";
	}

	@GetMapping("/journal/cle")
	String key(@AuthenticationPrincipal EntenteUser me, Model model) {
		JournalAccess.require(JournalAccess.mayVerify(me));
		TreeHead head = service.latestHead();
		SigningKey key = service.runtime().store().key();
		model.addAttribute("head", head);
		model.addAttribute("signedAt", java.time.Instant.ofEpochMilli(head.timestamp()));
		model.addAttribute("signature", java.util.Base64.getEncoder().encodeToString(head.signature()));
		model.addAttribute("publicKey", key.publicKeyBase64());
		model.addAttribute("fingerprint", SigningKey.fingerprint(key.publicKey()));
		model.addAttribute("json", JournalExporter.treeHeadJson(head, key));
		model.addAttribute("zone", properties.zone());
		return "journal/key";
	}
}
