package org.entente.governance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.convention.Convention;
import org.entente.convention.ConventionVersion;
import org.entente.convention.Conventions;
import org.entente.convention.PointToClarify;
import org.entente.governance.internal.GovernanceStore.Decision;
import org.entente.governance.internal.PointAnswerStore.Answer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's answers to the convention's points to clarify, and where each point stands. A point is
 * {@code OPEN} until an answer is recorded; {@code SETTLED} when the answer needs no amendment, or when a loaded
 * convention version carries the amendment it names; {@code AWAITING_AMENDMENT} in between. The amendment is
 * named by a version of the file, such as « 2 », or by its amendment number, such as « avenant 1 » (the
 * {@code lifecycle.amendment.number} of a loaded file): only what the answer names settles it, not the file merely
 * dropping or rewording the point, so that an unrelated edit never settles a point by accident.
 */
@Service
class PointAnswers {

	enum State {
		OPEN, SETTLED, AWAITING_AMENDMENT
	}

	/**
	 * A point and its answer in force. {@code point} is the current file's point, or, when an amendment dropped it, one
	 * rebuilt from the answer; {@code carriedBy} is the loaded version that carries the amendment.
	 */
	record PointStatus(PointToClarify point, boolean inCurrentFile, State state, Answer answer, Decision decision,
			String carriedBy) {
	}

	static final int READING_MAX = 4000;
	static final int AMENDMENT_MAX = 100;
	private static final Pattern AMENDMENT_NUMBER = Pattern.compile("avenant\\s*(?:n\\s*[°o]\\s*)?(\\d+)",
			Pattern.CASE_INSENSITIVE);

	private final Conventions conventions;
	private final PointAnswerStore answers;
	private final GovernanceStore store;

	PointAnswers(Conventions conventions, PointAnswerStore answers, GovernanceStore store) {
		this.conventions = conventions;
		this.answers = answers;
		this.store = store;
	}

	/** The current file's points in its order, then the answered points that a later version no longer lists. */
	List<PointStatus> points() {
		Convention current = conventions.current();
		Map<String, Answer> latest = answers.latest();
		List<ConventionVersion> loaded = conventions.versions();
		List<PointStatus> list = new ArrayList<>();
		for (PointToClarify p : current.pointsToClarify()) {
			list.add(status(p, true, latest.remove(p.id()), loaded));
		}
		for (Answer a : latest.values()) {
			list.add(status(new PointToClarify(a.pointId(), a.pointTitle(), null, null, List.of(), null), false, a, loaded));
		}
		return list;
	}

	Optional<PointStatus> point(String id) {
		return points().stream().filter(s -> s.point().id().equals(id)).findFirst();
	}

	/**
	 * Records the committee's answer to a point of the file in force. 404 for a point the file does not list; 400
	 * naming each faulty field (reading, needsAmendment, amendment, decision); nothing is stored then.
	 */
	@Transactional
	PointStatus answer(String pointId, Long decisionId, String reading, Boolean needsAmendment, String amendment,
			String user) {
		Convention current = conventions.current();
		PointToClarify point = current.pointsToClarify().stream().filter(p -> p.id().equals(pointId)).findFirst()
			.orElseThrow(() -> ProblemException.notFound("Point à clarifier inconnu", "La convention en vigueur (version "
					+ current.version() + ") n'a pas de point à clarifier « " + pointId + " »."));
		List<FieldProblem> errors = new ArrayList<>();
		String text = reading == null ? "" : reading.strip();
		if (text.isEmpty()) {
			errors.add(new FieldProblem("reading", "la lecture retenue par le comité est obligatoire"));
		}
		else if (text.length() > READING_MAX) {
			errors.add(new FieldProblem("reading", READING_MAX + " caractères au plus"));
		}
		if (needsAmendment == null) {
			errors.add(new FieldProblem("needsAmendment", "dites si la réponse demande un avenant (true ou false)"));
		}
		String ref = amendment == null || amendment.isBlank() ? null : amendment.strip();
		if (Boolean.TRUE.equals(needsAmendment) && ref == null) {
			errors.add(new FieldProblem("amendment",
					"nommez l'avenant qui portera la réponse : une version du fichier (« 2 ») ou « avenant 1 »"));
		}
		else if (ref != null && ref.length() > AMENDMENT_MAX) {
			errors.add(new FieldProblem("amendment", AMENDMENT_MAX + " caractères au plus"));
		}
		if (decisionId != null && store.findDecision(decisionId).isEmpty()) {
			errors.add(new FieldProblem("decision", "aucune décision de comité n° " + decisionId));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		answers.insert(point.id(), point.title(), decisionId, text, needsAmendment, ref, current.version(), user);
		return point(point.id()).orElseThrow();
	}

	private PointStatus status(PointToClarify p, boolean inFile, Answer a, List<ConventionVersion> loaded) {
		if (a == null) {
			return new PointStatus(p, inFile, State.OPEN, null, null, null);
		}
		Decision d = a.decisionId() == null ? null : store.findDecision(a.decisionId()).orElse(null);
		String carriedBy = a.amendment() == null ? null : carriedBy(a.amendment(), loaded, conventions::version);
		State state = !a.needsAmendment() || carriedBy != null ? State.SETTLED : State.AWAITING_AMENDMENT;
		return new PointStatus(p, inFile, state, a, d, carriedBy);
	}

	/** The loaded version named by {@code ref}: its version, or « avenant N » for its amendment number. */
	static String carriedBy(String ref, List<ConventionVersion> loaded, Function<String, Optional<Convention>> byVersion) {
		Matcher m = AMENDMENT_NUMBER.matcher(ref.strip());
		Integer number = m.matches() ? Integer.valueOf(m.group(1)) : null;
		for (ConventionVersion v : loaded) {
			if (number == null && v.version().toLowerCase(Locale.ROOT).equals(ref.strip().toLowerCase(Locale.ROOT))) {
				return v.version();
			}
			if (number != null && byVersion.apply(v.version())
				.map(c -> c.lifecycle().amendment() != null && number.equals(c.lifecycle().amendment().number()))
				.orElse(false)) {
				return v.version();
			}
		}
		return null;
	}
}
