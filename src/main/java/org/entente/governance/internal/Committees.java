package org.entente.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.entente.convention.Committee;
import org.entente.convention.Convention;
import org.entente.governance.CommitteeSchedule;
import org.entente.governance.Convocation;
import org.entente.governance.GovernanceInputException;
import org.entente.governance.MeetingPacks.MeetingPack;
import org.entente.governance.MeetingPackRequested;
import org.entente.governance.MeetingScheduled;
import org.entente.governance.internal.GovernanceStore.Decision;
import org.entente.governance.internal.GovernanceStore.Invitee;
import org.entente.governance.internal.GovernanceStore.Meeting;
import org.entente.governance.internal.GovernanceStore.Member;
import org.entente.governance.internal.GovernanceStore.Status;
import org.entente.governance.internal.GovernanceStore.TargetType;
import org.entente.notification.MailRequested;
import org.entente.notification.MailRequested.MailAttachment;
import org.entente.notification.NotificationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committees of article 4 as the CD runs them: named members, meetings scheduled from the cadence, the
 * convocation mailed with its .ics invitation, minutes and decisions.
 */
@Service
class Committees {

	static final String ICS_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
	static final String ICS_CANCEL_TYPE = "text/calendar; method=CANCEL; charset=UTF-8";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

	/** A committee with its schedule, named members and meetings, as the calendar page shows it. */
	record CommitteeView(Committee committee, CommitteeSchedule schedule, List<Member> members, List<Meeting> past,
			List<Meeting> coming) {
	}

	private final ConventionLifecycle lifecycle;
	private final GovernanceStore store;
	private final ApplicationEventPublisher events;
	private final NotificationProperties mail;
	private final String baseUrl;
	private final Arbitrations arbitrations;

	Committees(ConventionLifecycle lifecycle, GovernanceStore store, ApplicationEventPublisher events,
			NotificationProperties mail, Arbitrations arbitrations,
			@org.springframework.beans.factory.annotation.Value("${entente.governance.base-url:${ENTENTE_BASE_URL:http://localhost:8080}}") String baseUrl) {
		this.lifecycle = lifecycle;
		this.store = store;
		this.events = events;
		this.mail = mail;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.arbitrations = arbitrations;
	}

	List<CommitteeView> overview() {
		Convention c = lifecycle.convention();
		LocalDate today = lifecycle.today();
		List<Meeting> all = store.meetings();
		return c.committees().stream().map(committee -> {
			List<Meeting> mine = all.stream().filter(m -> m.committeeCode().equals(committee.code())).toList();
			List<LocalDate> held = mine.stream().filter(m -> m.status() == Status.HELD).map(m -> m.startsAt().toLocalDate()).toList();
			CommitteeSchedule schedule = CommitteeScheduler.schedule(committee, c.lifecycle(), held, today, 4);
			List<Meeting> past = mine.stream().filter(m -> m.startsAt().toLocalDate().isBefore(today))
				.sorted(Comparator.comparing(Meeting::startsAt).reversed()).toList();
			List<Meeting> coming = mine.stream().filter(m -> !m.startsAt().toLocalDate().isBefore(today)).toList();
			return new CommitteeView(committee, schedule, store.members(committee.code()), past, coming);
		}).toList();
	}

	Committee committee(String code) {
		return lifecycle.convention().committees().stream()
			.filter(c -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new GovernanceInputException("committee", "Comité inconnu : " + code,
				"gov.refused.committee", code));
	}

	/** Committee names by code, in the convention's order. */
	java.util.Map<String, String> names() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		lifecycle.convention().committees().forEach(c -> names.put(c.code(), c.name()));
		return names;
	}

	/** The day the form proposes: the next due date of the cadence, or tomorrow when that is already past. */
	LocalDate proposedDate(String committeeCode) {
		return overview().stream()
			.filter(v -> v.committee().code().equals(committeeCode))
			.map(v -> v.schedule().nextDueBy())
			.map(d -> d.isAfter(lifecycle.today()) ? d : lifecycle.today().plusDays(1))
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	void addMember(String committeeCode, String name, String email, String party, String role, String user) {
		committee(committeeCode);
		new Convocation.Person(name, email); // same address rule as the .ics
		if (store.memberExists(committeeCode, email)) {
			throw new GovernanceInputException("email", "Cette adresse est déjà membre de ce comité.",
					"gov.refused.alreadyMember");
		}
		store.addMember(committeeCode, name.strip(), email.strip(), party, role == null ? null : role.strip(), user);
	}

	/**
	 * Meetings already held before Entente was used, entered at set-up in one go (dates written JJ/MM/AAAA, one per
	 * line or separated by commas): each is recorded as held, so that the cadence counts from the last one. All or
	 * nothing: a date that cannot be read, or that is in the future, refuses the whole entry naming it.
	 */
	@Transactional
	int recordPastMeetings(String committeeCode, String dates, String user) {
		committee(committeeCode);
		java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);
		List<LocalDate> held = new java.util.ArrayList<>();
		for (String part : (dates == null ? "" : dates).split("[,;\\n]")) {
			String text = part.strip();
			if (text.isEmpty()) {
				continue;
			}
			LocalDate d;
			try {
				d = LocalDate.parse(text, format);
			}
			catch (java.time.format.DateTimeParseException e) {
				throw new GovernanceInputException("dates", "« " + text + " » n'est pas une date au format JJ/MM/AAAA.",
						"gov.refused.pastDate", text);
			}
			if (d.isAfter(lifecycle.today())) {
				throw new GovernanceInputException("dates", "Le " + text + " est à venir : planifiez cette réunion plutôt.",
						"gov.refused.pastDateAhead", text);
			}
			held.add(d);
		}
		if (held.isEmpty()) {
			throw new GovernanceInputException("dates", "Indiquez au moins une date de réunion tenue (JJ/MM/AAAA).",
					"gov.refused.pastDatesNone");
		}
		for (LocalDate d : held.stream().distinct().sorted().toList()) {
			long id = store.insertMeeting(committeeCode, d.atTime(9, 0), 120, null, "Réunion tenue, enregistrée après coup",
					lifecycle.convention().version(), user);
			store.recordOutcome(id, Status.HELD, null);
		}
		return (int) held.stream().distinct().count();
	}

	/**
	 * A planned meeting; its invitees are the committee's named members at this moment. Publishes
	 * {@link MeetingScheduled} with the committee's previous recorded meeting, from which its pack is assembled.
	 */
	@Transactional
	long schedule(String committeeCode, LocalDateTime startsAt, int durationMinutes, String place, String agenda,
			String user) {
		committee(committeeCode);
		if (startsAt.toLocalDate().isBefore(lifecycle.today())) {
			throw new GovernanceInputException("date", "Une réunion se planifie aujourd'hui ou plus tard.",
					"gov.refused.meetingDate");
		}
		long id = store.insertMeeting(committeeCode, startsAt, durationMinutes, place, agenda,
				lifecycle.convention().version(), user);
		for (Member m : store.members(committeeCode)) {
			store.addInvitee(id, m.name(), m.email(), m.party(), m.role());
		}
		arbitrations.planned(id, committeeCode);
		events.publishEvent(new MeetingScheduled(id, committeeCode, startsAt,
				store.previousMeeting(committeeCode, startsAt, lifecycle.now()).orElse(null)));
		return id;
	}

	/** Asks for a planned meeting's pack again, with today's figures ({@link MeetingPackRequested}). */
	@Transactional
	void requestPack(long meetingId) {
		Meeting m = meeting(meetingId);
		if (m.status() != Status.PLANNED) {
			throw new GovernanceInputException("status", "Le dossier se prépare pour une réunion planifiée.",
					"gov.refused.packStatus");
		}
		events.publishEvent(new MeetingPackRequested(meetingId, m.committeeCode(), m.startsAt(),
				store.previousMeeting(m.committeeCode(), m.startsAt(), lifecycle.now()).orElse(null)));
	}

	Meeting meeting(long id) {
		return store.meeting(id).orElseThrow(() -> new MeetingNotFoundException(id));
	}

	/** The pack attached to a meeting (404 for an unknown meeting). */
	java.util.Optional<MeetingPack> pack(long id) {
		meeting(id);
		return store.pack(id);
	}

	List<Invitee> invitees(long id) {
		return store.invitees(id);
	}

	List<Decision> decisions(long id) {
		return store.decisions(id);
	}

	List<Decision> search(String query) {
		return store.searchDecisions(query, 100);
	}

	@Transactional
	void addInvitee(long meetingId, String name, String email, String party, String role) {
		meeting(meetingId);
		new Convocation.Person(name, email);
		store.addInvitee(meetingId, name.strip(), email.strip(), party, role);
	}

	/**
	 * Mails the convocation to every invitee (the committee's named members, including those named since the meeting
	 * was scheduled) with the meeting as an .ics REQUEST; a second sending (a change of
	 * time or place) carries the same UID and a higher SEQUENCE, so calendars update the event.
	 */
	@Transactional
	int convoke(long meetingId) {
		Meeting m = meeting(meetingId);
		if (m.status() != Status.PLANNED) {
			throw new GovernanceInputException("status", "Seule une réunion planifiée peut être convoquée.",
					"gov.refused.convokeStatus");
		}
		// members named since the meeting was scheduled are invited too
		for (Member member : store.members(m.committeeCode())) {
			store.addInvitee(meetingId, member.name(), member.email(), member.party(), member.role());
		}
		List<Invitee> invitees = store.invitees(meetingId);
		if (invitees.isEmpty()) {
			throw new GovernanceInputException("invitees", "Aucun membre nommé à convoquer : ajoutez d'abord des membres au comité.",
					"gov.refused.noInvitees");
		}
		int sequence = store.convoked(meetingId);
		Committee committee = committee(m.committeeCode());
		Convocation convocation = convocation(m, committee, invitees, sequence, false);
		String text = "Madame, Monsieur,\n\nLe Département vous convie au " + committee.name().toLowerCase(Locale.FRENCH)
				+ " (" + committee.clause() + " de la convention) le " + WHEN.format(m.startsAt())
				+ (m.place() == null || m.place().isBlank() ? "" : ", " + m.place()) + ".\n\nOrdre du jour :\n"
				+ (m.agenda() == null || m.agenda().isBlank() ? "à venir" : m.agenda())
				+ "\n\nL'invitation est jointe (convocation.ics) pour votre agenda.\n";
		// The meeting's pack, when reporting has attached it: joined, and on the meeting's page in any case.
		java.util.Optional<MeetingPack> pack = store.pack(meetingId);
		String page = baseUrl + "/gouvernance/reunions/" + meetingId;
		text += pack.map(p -> "Le dossier de séance (" + French.date(p.from()) + " – " + French.date(p.to())
				+ ") est joint (" + packFilename(m) + ") ; il reste consultable sur la page de la réunion : " + page + "\n")
			.orElse("Le dossier de séance sera consultable sur la page de la réunion : " + page + "\n");
		List<MailAttachment> files = new java.util.ArrayList<>();
		files.add(new MailAttachment("convocation.ics", ICS_TYPE, IcsWriter.write(convocation).getBytes(StandardCharsets.UTF_8)));
		pack.ifPresent(p -> files.add(new MailAttachment(packFilename(m), "application/pdf", p.pdf())));
		events.publishEvent(new MailRequested(UUID.randomUUID(), invitees.stream().map(Invitee::email).toList(),
				(sequence > 1 ? "Convocation modifiée : " : "Convocation : ") + convocation.summary(), text, null, files,
				"GOVERNANCE_CONVOCATION"));
		return invitees.size();
	}

	/** Records that a meeting was held (with its minutes) or cancelled; a cancelled convoked meeting is withdrawn. */
	@Transactional
	void recordOutcome(long meetingId, Status status, String minutes) {
		Meeting m = meeting(meetingId);
		store.recordOutcome(meetingId, status, minutes);
		if (status == Status.CANCELLED && m.status() != Status.CANCELLED) {
			arbitrations.cancelled(meetingId);
		}
		if (status == Status.CANCELLED && m.status() != Status.CANCELLED && m.convokedAt() != null) {
			int sequence = store.convoked(meetingId);
			List<Invitee> invitees = store.invitees(meetingId);
			Convocation cancel = convocation(m, committee(m.committeeCode()), invitees, sequence, true);
			publish(invitees, "Annulation : " + cancel.summary(), "La réunion du " + WHEN.format(m.startsAt())
					+ " est annulée.\n", IcsWriter.write(cancel), ICS_CANCEL_TYPE, "GOVERNANCE_CONVOCATION");
		}
	}

	@Transactional
	void addDecision(long meetingId, String text, TargetType targetType, String targetRef, String user) {
		meeting(meetingId);
		if ((targetType == null) != (targetRef == null || targetRef.isBlank())) {
			throw new GovernanceInputException("targetRef", "Indiquez à la fois le type et la référence de ce que la décision modifie.",
					"gov.refused.target");
		}
		if (targetType == TargetType.POLICY_CHANGE) {
			throw new GovernanceInputException("targetType", "Une évolution de politique en arbitrage se décide dans la partie « Arbitrages » "
					+ "de la réunion du comité stratégique, avec son issue.", "gov.refused.targetPolicyChange");
		}
		if (targetType == TargetType.CONVENTION_VERSION && !lifecycle.hasVersion(targetRef.strip())) {
			throw new GovernanceInputException("targetRef", "Version de convention inconnue : « " + targetRef.strip()
					+ " » (voir la page des versions).", "gov.refused.targetVersion", targetRef.strip());
		}
		store.addDecision(meetingId, text.strip(), targetType, targetType == null ? null : targetRef.strip(), user);
	}

	Convocation convocation(Meeting m, Committee committee, List<Invitee> invitees, int sequence, boolean cancelled) {
		ZonedDateTime start = m.startsAt().atZone(lifecycle.zone());
		Convention c = lifecycle.convention();
		String organizer = c.party("CD").map(p -> p.name()).orElse("Département");
		return new Convocation("meeting-" + m.id() + "@entente", sequence, Instant.now(),
				committee.name() + " — " + French.date(m.startsAt().toLocalDate()), start,
				start.plusMinutes(m.durationMinutes()), m.place(), m.agenda(), new Convocation.Person(organizer, mail.from()),
				invitees.stream().map(i -> new Convocation.Person(i.name(), i.email())).toList(), cancelled);
	}

	/** The pack's file name, as the convocation joins it and the page downloads it: dossier-strategic-2027-01-14.pdf. */
	static String packFilename(Meeting m) {
		return "dossier-" + m.committeeCode().toLowerCase(Locale.ROOT) + "-" + m.startsAt().toLocalDate() + ".pdf";
	}

	private void publish(List<Invitee> to, String subject, String text, String ics, String type, String category) {
		events.publishEvent(new MailRequested(UUID.randomUUID(), to.stream().map(Invitee::email).toList(), subject, text,
				null, List.of(new MailAttachment("convocation.ics", type, ics.getBytes(StandardCharsets.UTF_8))), category));
	}

	/** A meeting id that does not exist: the page answers 404. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class MeetingNotFoundException extends RuntimeException {

		MeetingNotFoundException(long id) {
			super("Réunion " + id + " introuvable");
		}
	}
}
