package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import org.entente.common.IfMatch;
import org.entente.common.ProblemException;
import java.time.Instant;
import java.util.List;

import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.inventory.Asset;
import org.entente.inventory.AssetData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One asset created or changed by a person (API or page): checked by {@link AssetRules} (naming included), within the
 * person's scope, every changed field written to the history, optimistic concurrency on the version.
 */
@Service
public class AssetWrites {

	private final AssetRepository repository;
	private final AssetRules rules;
	private final InventoryPermissions access;
	private final Establishments establishments;

	AssetWrites(AssetRepository repository, AssetRules rules, InventoryPermissions access, Establishments establishments) {
		this.repository = repository;
		this.rules = rules;
		this.access = access;
		this.establishments = establishments;
	}

	/** The asset if this person may read it; otherwise «not found», whether it exists or not. */
	public Asset readable(long id, EntenteUser user) {
		return repository.find(id).filter(a -> access.canRead(user, a.data())).orElseThrow(() -> ProblemException.notFound("Introuvable", "Équipement " + id + " introuvable."));
	}

	@Transactional
	public Asset create(AssetData data, EntenteUser user, String source) {
		check(data);
		if (!access.canManage(user, data)) {
			throw ProblemException.forbidden("Hors de votre périmètre : vous ne gérez pas ce type d'équipement ("
					+ data.component() + ", " + data.network() + ", " + data.funding() + ").");
		}
		Instant now = Instant.now();
		try {
			return repository.find(repository.insert(data, user.getUsername(), now)).orElseThrow();
		}
		catch (DuplicateKeyException e) {
			throw taken();
		}
	}

	/** A change over the API: the version the client read comes from its {@code If-Match} (428 without, 412 if stale). */
	@Transactional
	public Asset update(long id, String ifMatch, AssetData data, EntenteUser user, String source) {
		Asset before = readable(id, user);
		if (!access.canManage(user, before.data())) {
			throw ProblemException.forbidden("Hors de votre périmètre : vous pouvez consulter cet équipement, pas le modifier.");
		}
		check(data);
		if (!access.canManage(user, data)) {
			throw ProblemException.forbidden("Hors de votre périmètre : ces valeurs feraient sortir l'équipement de votre gestion.");
		}
		// Read after the scope checks: someone who may not change the asset hears that first, whatever the header.
		long version = IfMatch.version(ifMatch, "GET /api/v1/assets/{id}");
		List<AssetChange> changes = AssetChange.between(id, before.data(), data, user.getUsername(), source, Instant.now());
		if (changes.isEmpty() && version == before.version()) {
			return before;
		}
		try {
			if (!repository.update(id, version, data, user.getUsername(), Instant.now())) {
				throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Modification concurrente",
						"L'équipement a été modifié entre-temps (version attendue " + version + ") ; rechargez-le.");
			}
		}
		catch (DuplicateKeyException e) {
			throw taken();
		}
		repository.recordChanges(changes);
		return repository.find(id).orElseThrow();
	}

	/**
	 * The one answer to a serial or agent id already taken, whoever holds it: said the same way by the API and the
	 * import, it names neither the establishment nor the scope of the asset that has it.
	 */
	static final String TAKEN = "numéro de série ou identifiant d'agent déjà attribué à un autre équipement";

	static ProblemException taken() {
		return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflit", "Numéro de série ou identifiant d'agent déjà attribué à un autre équipement.");
	}

	private void check(AssetData data) {
		List<FieldProblem> problems = rules.check(data, establishments::find);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
	}
}
