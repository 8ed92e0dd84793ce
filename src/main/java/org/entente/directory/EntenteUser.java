package org.entente.directory;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person as Spring Security sees them, with the scope their account entitles. */
public class EntenteUser extends User {

	private final Role role;
	private final String party;
	private final String establishment;
	private final String displayName;
	private final int failedLogins;
	private final Account account;

	public EntenteUser(Account account, String passwordHash, boolean nonLocked) {
		this(account, passwordHash, nonLocked, 0);
	}

	/** With the count of wrong passwords since the last success, so that a success resets it only when needed. */
	public EntenteUser(Account account, String passwordHash, boolean nonLocked, int failedLogins) {
		super(account.username(), passwordHash, account.enabled(), true, true, nonLocked,
				List.of(new SimpleGrantedAuthority(account.role().authority())));
		this.role = account.role();
		this.party = account.party();
		this.establishment = account.establishment();
		this.displayName = account.displayName();
		this.failedLogins = failedLogins;
		this.account = account;
	}

	/** The same account, password hash and lock, as a new instance (authentication erases its own copy). */
	public EntenteUser copy() {
		return new EntenteUser(account, getPassword(), isAccountNonLocked(), failedLogins);
	}

	public int failedLogins() {
		return failedLogins;
	}

	public Role role() {
		return role;
	}

	/** The party the account acts for (CD, ACA, a contractor's principal), or null. */
	public String party() {
		return party;
	}

	/** The UAI of the establishment a collège account belongs to, or null. */
	public String establishment() {
		return establishment;
	}

	public String displayName() {
		return displayName;
	}
}
