package org.entente.directory;

/**
 * A person's account: role, and the scope it entitles (a party such as CD or ACA, or one establishment). Never
 * carries the password hash. {@code headOfEstablishment}: a collège account an administrator designated as the
 * establishment's head (« chef·fe d'établissement »), with its {@code headFunction} (Principale, Principal adjoint…);
 * only a head acknowledges a policy version for the collège.
 */
public record Account(long id, String username, String displayName, String email, Role role, String party,
		String establishment, boolean enabled, boolean demo, boolean headOfEstablishment, String headFunction)
		implements java.io.Serializable {

	/** An account that is not the head of an establishment. */
	public Account(long id, String username, String displayName, String email, Role role, String party, String establishment,
			boolean enabled, boolean demo) {
		this(id, username, displayName, email, role, party, establishment, enabled, demo, false, null);
	}
}
