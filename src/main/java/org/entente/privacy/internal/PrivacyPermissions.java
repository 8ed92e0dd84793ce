package org.entente.privacy.internal;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may do what with personal data (issue 20, « Access »): the DPOs and the administrators manage everything; the
 * RSSI reads the processing register; nobody else. Read from the authorities (ROLE_DPO…), so that privacy needs
 * nothing from the directory.
 */
@Component("privacyPermissions")
public class PrivacyPermissions {

	static final Set<String> MANAGERS = Set.of("ROLE_ADMIN", "ROLE_DPO");
	static final Set<String> REGISTER_READERS = Set.of("ROLE_ADMIN", "ROLE_DPO", "ROLE_RSSI");

	public boolean manage(Authentication authentication) {
		return has(authentication, MANAGERS);
	}

	public boolean readRegister(Authentication authentication) {
		return has(authentication, REGISTER_READERS);
	}

	private static boolean has(Authentication authentication, Set<String> roles) {
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(roles::contains);
	}
}
