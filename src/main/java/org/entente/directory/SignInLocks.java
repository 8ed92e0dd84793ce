package org.entente.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in throttle as the web layer asks it before checking a password: whether attempts for an account from a
 * client address are held back, and until when. Unknown accounts are counted and held back exactly as known ones,
 * so that the answer tells nothing about which accounts exist.
 */
public interface SignInLocks {

	/** The instant until which a sign-in of {@code username} from {@code address} is refused, if it is. */
	Optional<Instant> lockedUntil(String username, String address);
}
