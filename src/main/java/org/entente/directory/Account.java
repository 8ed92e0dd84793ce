package org.entente.directory;

/**
 * A person's account: role, and the scope it entitles (a party such as CD or ACA, or one establishment). Never
 * carries the password hash.
 */
public record Account(long id, String username, String displayName, String email, Role role, String party,
		String establishment, boolean enabled, boolean demo) implements java.io.Serializable {
}
