package org.entente.webhook.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.entente.common.ProblemException;

/**
 * Server-side request forgery: a webhook URL is http or https, without credentials, and every address its host
 * resolves to is public — no loopback, link-local (cloud metadata 169.254.169.254), private (RFC 1918), unique-local
 * (fc00::/7), carrier-grade NAT, multicast or unspecified address — unless an administrator allowed this webhook to
 * reach an internal tool. Checked at registration and again at each delivery, where the sender's resolver checks
 * the one answer its connection uses (see {@link PinnedResolver}).
 */
final class UrlGuard {

	private UrlGuard() {
	}

	/** The URL, checked; 400 naming {@code url} otherwise. */
	static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url == null ? "" : url.trim());
		}
		catch (java.net.URISyntaxException e) {
			throw ProblemException.invalid("url", "URL illisible : " + e.getReason() + ".");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw ProblemException.invalid("url", "L'URL doit commencer par https:// (ou http://).");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw ProblemException.invalid("url", "L'URL doit nommer un hôte.");
		}
		if (uri.getRawUserInfo() != null) {
			throw ProblemException.invalid("url", "L'URL ne doit pas contenir d'identifiants ; le secret signe chaque envoi.");
		}
		if (uri.getRawFragment() != null) {
			throw ProblemException.invalid("url", "L'URL ne doit pas contenir de fragment (#…).");
		}
		return uri;
	}

	/** The host's addresses, every one allowed; a {@link ProblemException} naming {@code url} otherwise. */
	static List<InetAddress> resolve(URI uri, boolean allowPrivate) {
		List<InetAddress> addresses;
		try {
			String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
			addresses = List.of(InetAddress.getAllByName(host));
		}
		catch (UnknownHostException e) {
			throw ProblemException.invalid("url", "Hôte inconnu : " + uri.getHost() + ".");
		}
		check(uri.getHost(), addresses, allowPrivate);
		return addresses;
	}

	/** Every address allowed, or a {@link ProblemException} naming {@code url} and the first internal address. */
	static void check(String host, List<InetAddress> addresses, boolean allowPrivate) {
		if (!allowPrivate) {
			for (InetAddress a : addresses) {
				if (internal(a)) {
					throw ProblemException.invalid("url", refusal(host, a));
				}
			}
		}
	}

	static String refusal(String host, InetAddress a) {
		return "L'hôte " + host + " désigne une adresse interne (" + a.getHostAddress()
				+ ") : seul un administrateur peut l'autoriser, pour un outil interne.";
	}

	static boolean internal(InetAddress a) {
		if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
				|| a.isMulticastAddress()) {
			return true;
		}
		byte[] b = a.getAddress();
		if (a instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return true; // fc00::/7 unique-local
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= b[i] == 0;
			}
			if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				try {
					return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
				}
				catch (UnknownHostException e) {
					return true;
				}
			}
			return false;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return first == 0 || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 IETF
				|| (first == 198 && (second == 18 || second == 19)) // benchmarking
				|| first >= 240; // reserved, broadcast
	}
}
