package org.entente.inventory.internal;

import org.entente.common.StoredText;
import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entente.convention.Funding;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.entente.inventory.AssetData;
import org.entente.inventory.AssetStatus;
import org.entente.inventory.InventoryNetwork;
import org.entente.inventory.PurchaseDecided;
import org.entente.notification.InAppNotificationRequested;
import org.entente.convention.Conventions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Own-funds purchases: a collège asks (catalogue item or not, quantity, network); the request must fit the référentiel
 * (a line for the component, the total within its maximum) and the catalogue (a catalogue item of the same component);
 * it goes to the Académie for the administrative network and to the Département otherwise; the decision carries a
 * comment; once approved, the collège registers the bought assets with own-funds funding (it then maintains them).
 * Both sides are notified.
 */
@Service
public class Purchases {

	public record Request(long id, String uai, String component, InventoryNetwork network, int quantity,
			String catalogueItem, String description, Funding funding, String routedTo, String status,
			String requestedBy, Instant requestedAt, String decidedBy, String comment, int registered) {
	}

	public record NewRequest(String component, InventoryNetwork network, int quantity, String catalogueItem,
			String description) {
	}

	public record Bought(String name, String serial, String manufacturer, String model, LocalDate acquired,
			LocalDate warrantyEnd) {
	}

	private final JdbcClient jdbc;
	private final Referentiel referentiel;
	private final Accounts accounts;
	private final AssetWrites writes;
	private final ApplicationEventPublisher events;
	private final InventoryPermissions permissions;
	private final Conventions conventions;

	Purchases(JdbcClient jdbc, Referentiel referentiel, Accounts accounts, AssetWrites writes, ApplicationEventPublisher events,
			InventoryPermissions permissions, Conventions conventions) {
		this.conventions = conventions;
		this.permissions = permissions;
		this.jdbc = jdbc;
		this.referentiel = referentiel;
		this.accounts = accounts;
		this.writes = writes;
		this.events = events;
	}

	@Transactional
	public Request submit(NewRequest r, EntenteUser user) {
		permissions.requireCollege(user, "Seul un collège demande un achat sur ses fonds propres.");
		List<FieldProblem> problems = new ArrayList<>();
		var ref = referentiel.current().orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "conflict", "Pas de référentiel",
				"Aucun référentiel d'équipement n'est publié : la demande ne peut pas être vérifiée."));
		var line = ref.lines().stream().filter(l -> l.component().equals(r.component())).findFirst();
		if (line.isEmpty()) {
			problems.add(new FieldProblem("component", "« " + r.component() + " » n'est pas au référentiel d'équipement (version " + ref.version() + ")"));
		}
		if (r.network() == null) {
			problems.add(new FieldProblem("network", "réseau obligatoire"));
		}
		if (r.quantity() < 1 || r.quantity() > 500) {
			problems.add(new FieldProblem("quantity", "quantité entre 1 et 500"));
		}
		if (r.description() == null || r.description().isBlank() || r.description().length() > 500) {
			problems.add(new FieldProblem("description", "description obligatoire, 500 caractères au plus"));
		}
		Integer catalogueVersion = null;
		if (r.catalogueItem() != null) {
			var catalogue = referentiel.catalogue();
			var item = catalogue.flatMap(c -> c.items().stream().filter(i -> i.code().equals(r.catalogueItem())).findFirst());
			if (item.isEmpty()) {
				problems.add(new FieldProblem("catalogueItem", "article « " + r.catalogueItem() + " » absent du catalogue du Département"));
			}
			else if (!item.get().component().equals(r.component())) {
				problems.add(new FieldProblem("catalogueItem", "l'article « " + r.catalogueItem() + " » relève de " + item.get().component()));
			}
			else {
				catalogueVersion = catalogue.get().version();
			}
		}
		if (line.isPresent() && r.quantity() > 0) {
			int have = jdbc.sql("select count(*) from inv_asset where uai = ? and component = ? and status in ('IN_SERVICE', 'SPARE')")
				.params(user.establishment(), r.component()).query(Integer.class).single();
			if (have + r.quantity() > line.get().maxQuantity()) {
				problems.add(new FieldProblem("quantity", "le collège en a " + have + " ; avec " + r.quantity()
						+ " de plus il dépasserait le maximum du référentiel (" + line.get().maxQuantity() + ")"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		String routedTo = r.network() == InventoryNetwork.ADMINISTRATIVE ? "ACA" : "CD";
		Funding funding = r.catalogueItem() != null ? Funding.OWN_FUNDS_CATALOGUE : Funding.OWN_FUNDS_OTHER;
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into inv_purchase_request (uai, component, network, quantity, catalogue_version, catalogue_item, description,
				    funding, referentiel_version, routed_to, status, requested_by, requested_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)""")
			.params(user.establishment(), r.component(), r.network().name(), r.quantity(), catalogueVersion, r.catalogueItem(),
					r.description(), funding.name(), ref.version(), routedTo, user.getUsername(), Timestamp.from(Instant.now()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Role deciders = routedTo.equals("ACA") ? Role.ACA_AGENT : Role.CD_AGENT;
		List<String> recipients = accounts.enabledAmong(List.of(), List.of(deciders), null).stream().map(a -> a.username()).toList();
		if (!recipients.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(recipients, "Achat sur fonds propres à valider : "
					+ r.quantity() + " × " + r.component() + " (" + user.establishment() + ")", "/inventaire/achats#achat-" + id)
				.withWords(StoredText.message("inv.notice.purchaseToDecide", String.valueOf(r.quantity()), component(r.component()),
						user.establishment())));
		}
		return find(id).orElseThrow();
	}

	/** The requests this person may see, newest first (a collège: its own; CD, ACA, admins: all). */
	public List<Request> list(EntenteUser user) {
		return switch (user.role()) {
			case ADMIN, CD_AGENT, ACA_AGENT -> jdbc.sql("select * from inv_purchase_request order by id desc limit 200").query(Purchases::map).list();
			case SCHOOL_STAFF -> jdbc.sql("select * from inv_purchase_request where uai = ? order by id desc limit 200")
				.param(user.establishment()).query(Purchases::map).list();
			default -> List.of();
		};
	}

	/** Whether this person decides this request. */
	public boolean decides(Request r, EntenteUser user) {
		return r.status().equals("SUBMITTED") && permissions.decidesFor(r.routedTo(), user);
	}

	public Optional<Request> find(long id) {
		return jdbc.sql("select * from inv_purchase_request where id = ?").param(id).query(Purchases::map).optional();
	}

	private static Request map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Request(rs.getLong("id"),
				rs.getString("uai"), rs.getString("component"), InventoryNetwork.valueOf(rs.getString("network")),
				rs.getInt("quantity"), rs.getString("catalogue_item"), rs.getString("description"),
				Funding.valueOf(rs.getString("funding")), rs.getString("routed_to"), rs.getString("status"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
				rs.getString("decision_comment"), rs.getInt("registered"));
	}

	/** The request if this person may see it: its collège, the party it is routed to, the other party, admins. */
	public Request visible(long id, EntenteUser user) {
		return find(id).filter(r -> switch (user.role()) {
			case ADMIN, CD_AGENT, ACA_AGENT -> true;
			case SCHOOL_STAFF -> r.uai().equals(user.establishment());
			default -> false;
		}).orElseThrow(() -> ProblemException.notFound("Introuvable", "Demande d'achat " + id + " introuvable."));
	}

	@Transactional
	public Request decide(long id, boolean approved, String comment, EntenteUser user) {
		Request r = visible(id, user);
		if (!permissions.decidesFor(r.routedTo(), user)) {
			throw ProblemException.forbidden("Cette demande est à décider par " + (r.routedTo().equals("ACA") ? "l'Académie" : "le Département") + ".");
		}
		if (!r.status().equals("SUBMITTED")) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Déjà décidée", "La demande a déjà été décidée (" + r.status() + ").");
		}
		if (comment == null || comment.isBlank() || comment.length() > 1000) {
			throw ProblemException.invalid(List.of(new FieldProblem("comment", "commentaire obligatoire, 1 000 caractères au plus")));
		}
		Instant now = Instant.now();
		jdbc.sql("update inv_purchase_request set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?")
			.params(approved ? "APPROVED" : "REJECTED", user.getUsername(), Timestamp.from(now), comment, id).update();
		List<String> college = accounts.enabledAmong(List.of(), List.of(), r.uai()).stream().map(a -> a.username()).toList();
		if (!college.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(college, "Achat sur fonds propres " + (approved ? "validé" : "refusé")
					+ " : " + r.quantity() + " × " + r.component() + " — " + comment, "/inventaire/achats#achat-" + id)
				.withWords(StoredText.message(approved ? "inv.notice.purchaseApproved" : "inv.notice.purchaseRejected",
						String.valueOf(r.quantity()), component(r.component()), String.valueOf(comment))));
		}
		events.publishEvent(new PurchaseDecided(id, r.uai(), r.component(), r.quantity(), r.routedTo(), user.getUsername(),
				approved, comment, conventions.current().version(), now));
		return find(id).orElseThrow();
	}

	/** Registers bought assets of an approved request, with the request's component, network and own-funds funding. */
	@Transactional
	public List<Long> register(long id, List<Bought> bought, EntenteUser user) {
		Request r = visible(id, user);
		if (!r.status().equals("APPROVED")) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Demande non validée", "Seule une demande validée permet d'enregistrer les équipements achetés.");
		}
		if (r.registered() + bought.size() > r.quantity()) {
			throw ProblemException.invalid(List.of(new FieldProblem("assets", "la demande porte sur " + r.quantity()
					+ " équipement(s), " + r.registered() + " déjà enregistré(s)")));
		}
		List<Long> ids = new ArrayList<>();
		for (Bought b : bought) {
			ids.add(writes.create(new AssetData(r.uai(), r.component(), r.network(), b.name(), b.serial(), null,
					b.manufacturer(), b.model(), r.funding(), b.acquired(), b.warrantyEnd(), AssetStatus.IN_SERVICE, null,
					null, null), user, "ACHAT").id());
		}
		jdbc.sql("update inv_purchase_request set registered = registered + ? where id = ?").params(bought.size(), id).update();
		return ids;
	}

	/** A component in a notice: its name in the reader's language, its code in French (as the notice always said). */
	private static StoredText component(String code) {
		return StoredText.word(org.entente.convention.ConventionLabels.componentKey(code), code);
	}
}
