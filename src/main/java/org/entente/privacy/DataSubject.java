package org.entente.privacy;

import java.util.Set;

/**
 * The person whose data a holder describes or destroys: the Toutatice UID (the login of an account created by single
 * sign-on, the requester of a ticket, the reporter of an incident), the GUUID, the names as imported, and the mail
 * addresses the holders reported for the person (see {@link PersonalDataHolder#addresses}).
 */
public record DataSubject(String uid, String guuid, String lastName, String firstName, Set<String> addresses) {

	public DataSubject {
		addresses = addresses == null ? Set.of() : Set.copyOf(addresses);
	}

	/** The same person with more addresses. */
	public DataSubject withAddresses(Set<String> more) {
		java.util.Set<String> all = new java.util.HashSet<>(addresses);
		all.addAll(more);
		return new DataSubject(uid, guuid, lastName, firstName, all);
	}

	/** « Prénom Nom », as accounts and tickets show a person. */
	public String displayName() {
		return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
	}

	/** « Prénom Nom » and « Nom Prénom », as a name typed by hand (a committee member, a contact) may name the person. */
	public java.util.List<String> names() {
		return firstName == null || lastName == null || firstName.isBlank() || lastName.isBlank() ? java.util.List.of()
				: java.util.List.of(firstName + " " + lastName, lastName + " " + firstName);
	}

	/** What to blank out of free text that mentions the person: UID, « Prénom Nom », « Nom Prénom », addresses. */
	public java.util.List<String> traces() {
		java.util.LinkedHashSet<String> t = new java.util.LinkedHashSet<>();
		t.add(uid);
		if (firstName != null && lastName != null) {
			t.add(firstName + " " + lastName);
			t.add(lastName + " " + firstName);
		}
		t.addAll(addresses);
		t.removeIf(x -> x == null || x.isBlank());
		return java.util.List.copyOf(t);
	}

	/** What replaces a person in a record kept anonymised. */
	public static final String ANONYMOUS = "[supprimé]";
}
