package org.entente.governance;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A meeting invitation as a calendar sees it. {@code uid} stays the same for every update of one meeting and
 * {@code sequence} grows with each, so that calendars replace the invitation instead of adding one.
 */
public record Convocation(String uid, int sequence, Instant stamp, String summary, ZonedDateTime start,
		ZonedDateTime end, String location, String agenda, Person organizer, List<Person> attendees, boolean cancelled) {

	/** {@code email} goes into the file as a mailto: URI, so it may hold no space, control character, ; , or :. */
	public record Person(String name, String email) {

		public Person {
			if (email == null || !email.matches("[^\\s\\p{Cntrl};,:\"<>@]+@[^\\s\\p{Cntrl};,:\"<>@]+")) {
				throw new GovernanceInputException("email", "Adresse de messagerie invalide : " + email,
						"gov.refused.email", email);
			}
		}
	}

	public Convocation {
		if (!end.isAfter(start)) {
			throw new GovernanceInputException("end", "La fin de la réunion doit suivre son début.",
					"gov.refused.meetingEnd");
		}
		if (!start.getZone().equals(end.getZone())) {
			throw new IllegalArgumentException("start and end must share one time zone");
		}
		attendees = List.copyOf(attendees);
	}
}
