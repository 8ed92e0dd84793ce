package org.entente.webhook.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS resolver of the webhook sender's connections (DNS rebinding): the host is resolved once per connection,
 * every address of that answer is checked by {@link UrlGuard}, and the connection manager connects only to the
 * addresses returned here — the ones checked. A second answer (a rebinding to 127.0.0.1 or 169.254.169.254 after a
 * public first answer) is never asked for. TLS still verifies the certificate against the host name, not the address.
 */
final class PinnedResolver implements DnsResolver {

	/** Where the answers come from: the system resolver, or a stub in tests. */
	@FunctionalInterface
	interface Lookup {
		InetAddress[] lookup(String host) throws UnknownHostException;
	}

	/** An answer the guard refused: an UnknownHostException, so that no connection is attempted. */
	static final class RefusedAddress extends UnknownHostException {

		RefusedAddress(String message) {
			super(message);
		}
	}

	private final Lookup lookup;

	private final Predicate<InetAddress> refused;

	private final AtomicInteger lookups = new AtomicInteger();

	/** Refuses {@link UrlGuard#internal} addresses unless an administrator allowed them for this webhook. */
	PinnedResolver(Lookup lookup, boolean allowPrivate) {
		this(lookup, allowPrivate ? a -> false : UrlGuard::internal);
	}

	/** With another notion of a refused address (a test listens on the one it refuses). */
	PinnedResolver(Lookup lookup, Predicate<InetAddress> refused) {
		this.lookup = lookup;
		this.refused = refused;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		lookups.incrementAndGet();
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = lookup.lookup(bare).clone();
		for (InetAddress a : addresses) {
			if (refused.test(a)) {
				throw new RefusedAddress("url : " + UrlGuard.refusal(host, a));
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		// Only asked for by Kerberos/SPNEGO, which webhooks do not use: no second lookup.
		return host;
	}

	/** How many answers were asked for (one per connection). */
	int lookups() {
		return lookups.get();
	}
}
