package org.entente.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.entente.governance.CommitteeDecisions;
import org.entente.notification.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction campaigns ordered by the strategic committee (annexe partie 4, « Enquête de satisfaction des
 * utilisateurs »): a short questionnaire, a population (roles, establishments), a period, the committee decision
 * that ordered it. Each invited account gets a mail with a single-use token; only the token's hash is kept, with
 * the invitee's establishment, role and account (to remind those who have not answered, see {@link CampaignReminders}),
 * and no answer points back to its invitation, so answers are anonymous and one per person. CampaignResults by establishment are
 * shown only from {@link #MIN_GROUP} responses, so that a small collège's answers cannot be told apart.
 */
@Service
class Campaigns {

	static final int MIN_GROUP = 3;
	static final int MAX_QUESTIONS = 20;
	/** The committee that orders satisfaction campaigns (annexe partie 4 : « à la demande du Comité Stratégique »). */
	static final String ORDERING_COMMITTEE = "STRATEGIC";
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String baseUrl;
	private final CommitteeDecisions decisions;

	Campaigns(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events,
			Clock clock, CommitteeDecisions decisions,
			@Value("${entente.reporting.base-url:${ENTENTE_BASE_URL:http://localhost:8080}}") String baseUrl) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.decisions = decisions;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	enum CampaignQuestionKind {
		SCALE, TEXT
	}

	record CampaignQuestion(int number, CampaignQuestionKind kind, String label) {
	}

	/** {@code decisionId}: a decision of the strategic committee recorded in governance. */
	record NewSatisfactionCampaign(String title, Long decisionId, List<String> roles, List<String> establishments, LocalDate opensOn,
			LocalDate closesOn, List<NewCampaignQuestion> questions) {
	}

	record NewCampaignQuestion(String kind, String label) {
	}

	/**
	 * {@code decision}: the ordering decision as text (committee, day and text since {@code decisionId} exists; before, the
	 * text typed at launch); {@code decisionId} and {@code decisionPage} (its meeting's page): null for an older campaign.
	 */
	record SatisfactionCampaign(long id, String title, String decision, Long decisionId, String decisionPage, List<String> roles,
			List<String> establishments, LocalDate opensOn, LocalDate closesOn, int invited, List<CampaignQuestion> questions) {
	}

	record CampaignAnswer(int question, Integer score, String text) {
	}

	/** One group's figures: responses, and per scale question its answer count and average (1 to 5). */
	record CampaignGroup(long responses, Map<Integer, Double> averages) {
	}

	record CampaignResults(long campaignId, String title, String decision, Long decisionId, int invited, long responses, double responseRate,
			Map<Integer, Map<Integer, Long>> distribution, Map<Integer, Double> averages, Map<String, CampaignGroup> byRole,
			Map<String, CampaignGroup> byEstablishment, long establishmentsWithTooFewResponses, Map<Integer, List<String>> comments) {
	}

	@Transactional
	SatisfactionCampaign create(NewSatisfactionCampaign c) {
		List<FieldProblem> errors = new ArrayList<>();
		if (c.title() == null || c.title().isBlank() || c.title().length() > 200) {
			errors.add(new FieldProblem("title", "un titre de 1 à 200 caractères"));
		}
		String decision = null;
		if (c.decisionId() == null) {
			errors.add(new FieldProblem("decisionId", "l'identifiant de la décision du comité stratégique qui a commandé "
					+ "l'enquête (décisions : /gouvernance/decisions)"));
		}
		else {
			var d = decisions.find(c.decisionId());
			if (d.isEmpty()) {
				errors.add(new FieldProblem("decisionId", "décision n° " + c.decisionId() + " inconnue de la gouvernance"));
			}
			else if (!ORDERING_COMMITTEE.equals(d.get().committeeCode())) {
				errors.add(new FieldProblem("decisionId", "la décision n° " + c.decisionId() + " est du " + d.get().committeeName()
						+ " : une enquête est commandée par le comité stratégique"));
			}
			else {
				decision = label(d.get());
			}
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String r : c.roles() == null ? List.<String>of() : c.roles()) {
			try {
				roles.add(Role.valueOf(r));
			}
			catch (IllegalArgumentException | NullPointerException e) {
				errors.add(new FieldProblem("roles", "rôle inconnu : " + r));
			}
		}
		if (roles.isEmpty() && (c.roles() == null || c.roles().isEmpty())) {
			errors.add(new FieldProblem("roles", "au moins un rôle"));
		}
		List<String> uais = c.establishments() == null ? List.of() : c.establishments().stream().map(String::trim).distinct().toList();
		if (uais.stream().anyMatch(u -> !u.matches("[0-9]{7}[A-Z]"))) {
			errors.add(new FieldProblem("establishments", "des UAI (7 chiffres et une lettre)"));
		}
		if (c.opensOn() == null || c.closesOn() == null || c.closesOn().isBefore(c.opensOn())) {
			errors.add(new FieldProblem("closesOn", "une période : opensOn puis closesOn, au plus tôt le même jour"));
		}
		List<NewCampaignQuestion> qs = c.questions() == null ? List.of() : c.questions();
		if (qs.isEmpty() || qs.size() > MAX_QUESTIONS) {
			errors.add(new FieldProblem("questions", "de 1 à " + MAX_QUESTIONS + " questions"));
		}
		for (NewCampaignQuestion q : qs) {
			if (q == null || q.label() == null || q.label().isBlank() || q.label().length() > 500
					|| !("SCALE".equals(q.kind()) || "TEXT".equals(q.kind()))) {
				errors.add(new FieldProblem("questions",
						"chaque question : kind SCALE (note de 1 à 5) ou TEXT, et un libellé de 1 à 500 caractères"));
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		// The enabled accounts of these roles (the directory's own query), then the establishments asked for.
		List<Account> population = accounts.enabledAmong(List.of(), roles, null).stream()
			.filter(a -> roles.contains(a.role()) && a.email() != null && !a.email().isBlank())
			.filter(a -> uais.isEmpty() || uais.contains(a.establishment()))
			.toList();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into reporting_campaign (title, decision, decision_id, roles, establishments, opens_on, closes_on, invited, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.title().trim(), decision, c.decisionId(), String.join(",", roles.stream().map(Role::name).toList()),
					String.join(",", uais), c.opensOn(), c.closesOn(), population.size(), Timestamp.from(Instant.now(clock)))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		int n = 0;
		for (NewCampaignQuestion q : qs) {
			jdbc.sql("insert into reporting_campaign_question (campaign_id, question_no, kind, label) values (?, ?, ?, ?)")
				.params(id, ++n, q.kind(), q.label().trim())
				.update();
		}
		for (Account a : population) {
			byte[] raw = new byte[24];
			RANDOM.nextBytes(raw);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
			jdbc.sql("insert into reporting_campaign_invitation (token_hash, campaign_id, uai, role, account) values (?, ?, ?, ?, ?)")
				.params(hash(token), id, a.establishment(), a.role().name(), a.username())
				.update();
			events.publishEvent(MailRequested.text(List.of(a.email()), "Enquête de satisfaction : " + c.title().trim(), """
					Bonjour,

					Le comité stratégique de la convention Département–Académie a demandé une enquête de satisfaction
					des utilisateurs (%s). Vos réponses sont anonymes ; ce lien ne sert qu'une fois, du %s au %s :

					%s/enquetes/%d?token=%s
					""".formatted(decision, c.opensOn(), c.closesOn(), baseUrl, id, token), "SATISFACTION_CAMPAIGN"));
		}
		return find(id);
	}

	/** The decision as a campaign keeps it in words: « Comité stratégique du 12/03/2026 : texte », 300 characters at most. */
	static String label(CommitteeDecisions.CommitteeDecision d) {
		String text = d.committeeName() + " du " + org.entente.common.FrenchDates.day(d.meetingOn())
				+ " : " + d.text().strip().replaceAll("\\s+", " ");
		return text.length() <= 300 ? text : text.substring(0, 299) + "…";
	}

	/** The strategic committee's decisions, to choose the one that ordered a campaign (the latest meeting first). */
	List<CommitteeDecisions.CommitteeDecision> orderingDecisions() {
		return decisions.ofCommittee(ORDERING_COMMITTEE, 200);
	}

	private String decisionPage(Long decisionId) {
		return decisionId == null ? null : decisions.find(decisionId).map(CommitteeDecisions.CommitteeDecision::page).orElse(null);
	}

	/** The address of one of Entente's pages, as a mail gives it. */
	String absolute(String path) {
		return baseUrl + path;
	}

	SatisfactionCampaign find(long id) {
		return jdbc.sql("select * from reporting_campaign where id = ?").param(id).query((rs, i) -> new SatisfactionCampaign(rs.getLong("id"),
				rs.getString("title"), rs.getString("decision"), (Long) rs.getObject("decision_id", Long.class),
				decisionPage((Long) rs.getObject("decision_id", Long.class)), split(rs.getString("roles")), split(rs.getString("establishments")),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class), rs.getInt("invited"),
				questions(rs.getLong("id"))))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("Campagne inconnue", "Aucune campagne de satisfaction n° " + id));
	}

	List<SatisfactionCampaign> list() {
		return jdbc.sql("select id from reporting_campaign order by id desc").query(Long.class).list().stream().map(this::find).toList();
	}

	private List<CampaignQuestion> questions(long campaign) {
		return jdbc.sql("select question_no, kind, label from reporting_campaign_question where campaign_id = ? order by question_no")
			.param(campaign)
			.query((rs, i) -> new CampaignQuestion(rs.getInt(1), CampaignQuestionKind.valueOf(rs.getString(2)), rs.getString(3)))
			.list();
	}

	/** Records one response for a token: 404 for an unknown token, 409 once used or outside the period. */
	@Transactional
	void answer(long campaignId, String token, List<CampaignAnswer> answers) {
		answer(campaignId, token, null, answers);
	}

	/**
	 * Records one response for a token or, without one, for the signed-in invitee's own invitation (the link of a
	 * reminder, mailed or in the application, carries no token): the answer itself still names no one.
	 */
	@Transactional
	void answer(long campaignId, String token, String account, List<CampaignAnswer> answers) {
		SatisfactionCampaign c = find(campaignId);
		boolean byToken = token != null && !token.isBlank();
		if (!byToken && account == null) {
			throw ProblemException.invalid("token", "le jeton reçu dans le courriel d'invitation");
		}
		var invitation = jdbc.sql("select uai, role, used, token_hash from reporting_campaign_invitation where campaign_id = ? and "
				+ (byToken ? "token_hash = ?" : "account = ?") + " for update")
			.params(campaignId, byToken ? hash(token) : account)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3)), rs.getString(4) })
			.optional()
			.orElseThrow(() -> ProblemException.notFound("Invitation inconnue", byToken
					? "Ce lien ne correspond à aucune invitation de cette campagne."
					: "Votre compte n'est pas invité à cette campagne."));
		LocalDate today = LocalDate.now(clock.withZone(PARIS));
		if (today.isBefore(c.opensOn()) || today.isAfter(c.closesOn())) {
			throw ProblemException.conflict("Enquête fermée", "L'enquête est ouverte du " + c.opensOn() + " au " + c.closesOn() + ".");
		}
		if (Boolean.parseBoolean(invitation[2])) {
			throw ProblemException.conflict("Réponse déjà enregistrée", "Ce lien a déjà servi : une seule réponse par personne.");
		}
		Map<Integer, CampaignQuestion> byNumber = new TreeMap<>();
		c.questions().forEach(q -> byNumber.put(q.number(), q));
		Map<Integer, CampaignAnswer> given = new LinkedHashMap<>();
		for (CampaignAnswer a : answers == null ? List.<CampaignAnswer>of() : answers) {
			CampaignQuestion q = a == null ? null : byNumber.get(a.question());
			if (q == null || given.containsKey(a.question())) {
				throw ProblemException.invalid("answers", "une réponse au plus par question de la campagne");
			}
			if (q.kind() == CampaignQuestionKind.SCALE && (a.score() == null || a.score() < 1 || a.score() > 5 || a.text() != null)) {
				throw ProblemException.invalid("answers", "question " + q.number() + " : une note de 1 à 5");
			}
			if (q.kind() == CampaignQuestionKind.TEXT && (a.text() == null || a.text().isBlank() || a.text().length() > 2000 || a.score() != null)) {
				throw ProblemException.invalid("answers", "question " + q.number() + " : un texte de 1 à 2000 caractères");
			}
			given.put(a.question(), a);
		}
		if (given.isEmpty()) {
			throw ProblemException.invalid("answers", "au moins une réponse");
		}
		// Conditional, so that two simultaneous answers with one link cannot both count.
		if (jdbc.sql("update reporting_campaign_invitation set used = true where token_hash = ? and not used").param(invitation[3]).update() != 1) {
			throw ProblemException.conflict("Réponse déjà enregistrée", "Ce lien a déjà servi : une seule réponse par personne.");
		}
		String response = UUID.randomUUID().toString();
		for (CampaignAnswer a : given.values()) {
			jdbc.sql("""
					insert into reporting_campaign_answer (campaign_id, response_id, question_no, uai, role, score, remark)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(campaignId, response, a.question(), invitation[0], invitation[1], a.score(), a.text() == null ? null : a.text().trim())
				.update();
		}
	}

	record Row(String response, int question, String uai, String role, Integer score, String comment) {
	}

	List<Row> rows(long campaignId) {
		find(campaignId);
		return jdbc.sql("""
				select response_id, question_no, uai, role, score, remark from reporting_campaign_answer
				where campaign_id = ? order by response_id, question_no""")
			.param(campaignId)
			.query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5, Integer.class), rs.getString(6)))
			.list();
	}

	CampaignResults results(long campaignId) {
		SatisfactionCampaign c = find(campaignId);
		List<Row> rows = rows(campaignId);
		long responses = rows.stream().map(Row::response).distinct().count();
		Map<Integer, Map<Integer, Long>> distribution = new TreeMap<>();
		Map<Integer, List<String>> comments = new TreeMap<>();
		for (CampaignQuestion q : c.questions()) {
			if (q.kind() == CampaignQuestionKind.SCALE) {
				Map<Integer, Long> d = new TreeMap<>();
				for (int s = 1; s <= 5; s++) {
					d.put(s, 0L);
				}
				distribution.put(q.number(), d);
			}
			else {
				comments.put(q.number(), new ArrayList<>());
			}
		}
		for (Row r : rows) {
			if (r.score() != null && distribution.containsKey(r.question())) {
				distribution.get(r.question()).merge(r.score(), 1L, Long::sum);
			}
			else if (r.comment() != null && comments.containsKey(r.question())) {
				comments.get(r.question()).add(r.comment());
			}
		}
		Map<String, CampaignGroup> byRole = large(groups(rows, Row::role));
		Map<String, CampaignGroup> all = groups(rows, r -> r.uai() == null ? "-" : r.uai());
		Map<String, CampaignGroup> byUai = large(all);
		return new CampaignResults(c.id(), c.title(), c.decision(), c.decisionId(), c.invited(), responses,
				c.invited() == 0 ? 0 : Math.round(1000.0 * responses / c.invited()) / 1000.0, distribution,
				groups(rows, r -> "all").getOrDefault("all", new CampaignGroup(0, Map.of())).averages(), byRole, byUai,
				all.size() - byUai.size(), comments);
	}

	/** The groups of at least {@link #MIN_GROUP} responses: a smaller one could point at a person. */
	private static Map<String, CampaignGroup> large(Map<String, CampaignGroup> groups) {
		Map<String, CampaignGroup> out = new TreeMap<>();
		groups.forEach((k, g) -> {
			if (g.responses() >= MIN_GROUP) {
				out.put(k, g);
			}
		});
		return out;
	}

	private static Map<String, CampaignGroup> groups(List<Row> rows, java.util.function.Function<Row, String> key) {
		Map<String, List<Row>> by = new TreeMap<>();
		rows.forEach(r -> by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
		Map<String, CampaignGroup> out = new TreeMap<>();
		by.forEach((k, rs) -> {
			Map<Integer, double[]> sums = new TreeMap<>();
			rs.stream().filter(r -> r.score() != null).forEach(r -> {
				double[] s = sums.computeIfAbsent(r.question(), q -> new double[2]);
				s[0] += r.score();
				s[1]++;
			});
			Map<Integer, Double> averages = new TreeMap<>();
			sums.forEach((q, s) -> averages.put(q, Math.round(100 * s[0] / s[1]) / 100.0));
			out.put(k, new CampaignGroup(rs.stream().map(Row::response).distinct().count(), averages));
		});
		return out;
	}

	private static List<String> split(String s) {
		return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
