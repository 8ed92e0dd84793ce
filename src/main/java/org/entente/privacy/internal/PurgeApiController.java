package org.entente.privacy.internal;

import java.util.List;

import org.entente.common.PageSlice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Running the purge now (or its dry run) and listing the runs. */
@RestController
@RequestMapping("/api/v1/privacy/purges")
@Tag(name = "Données personnelles", description = "Identités académiques, registre des traitements, purges, demandes des personnes")
@PreAuthorize("@privacyPermissions.manage(authentication)")
class PurgeApiController {

	private final Purges purges;
	private final RetentionPolicy retention;

	PurgeApiController(Purges purges, RetentionPolicy retention) {
		this.purges = purges;
		this.retention = retention;
	}

	@PostMapping
	@Operation(summary = "Lancer la purge maintenant", description = "Détruit dans chaque module ce qui concerne les personnes dont la date de destruction (départ + 4 mois) est passée ; dryRun=true compte sans détruire. Renvoie les nombres par catégorie ; la course est gardée.")
	Purges.Run run(@RequestParam(defaultValue = "false") boolean dryRun, Authentication auth) {
		return purges.run(retention.today(), dryRun, "MANUAL", auth.getName());
	}

	@GetMapping
	@Operation(summary = "Lister les purges", description = "Les dernières courses (quand, qui, à blanc ou non, nombres par catégorie et règle appliquée), jamais les données détruites.")
	List<Purges.Run> list(@RequestParam(defaultValue = "50") int size) {
		PageSlice.check(0, size, 200);
		return purges.latest(size);
	}
}
