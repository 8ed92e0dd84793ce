package org.entente.directory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** One range of the académie's addressing plan (CIDR, IPv4 or IPv6) and the establishment it belongs to. */
public record NetworkRange(String uai, String cidr, String label) {

	/** The first address and prefix length of a CIDR, or an exception with a French message. */
	public record Parsed(byte[] network, int prefix) {

		public boolean contains(InetAddress a) {
			byte[] b = a.getAddress();
			if (b.length != network.length) {
				return false;
			}
			return new BigInteger(1, b).shiftRight(b.length * 8 - prefix).equals(new BigInteger(1, network).shiftRight(b.length * 8 - prefix));
		}

		public boolean overlaps(Parsed o) {
			if (o.network.length != network.length) {
				return false;
			}
			int p = Math.min(prefix, o.prefix);
			int bits = network.length * 8;
			return new BigInteger(1, network).shiftRight(bits - p).equals(new BigInteger(1, o.network).shiftRight(bits - p));
		}
	}

	public static Parsed parse(String cidr) {
		String c = cidr == null ? "" : cidr.trim();
		int slash = c.indexOf('/');
		String addr = slash < 0 ? c : c.substring(0, slash);
		if (addr.isEmpty() || !addr.matches("[0-9A-Fa-f:.]+") || (!addr.contains(":") && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
			throw new IllegalArgumentException("« " + c + " » n'est pas une adresse IPv4 ou IPv6 (attendu : 10.35.1.0/24)");
		}
		byte[] b;
		try {
			b = InetAddress.getByName(addr).getAddress();
		}
		catch (UnknownHostException | SecurityException e) {
			throw new IllegalArgumentException("« " + c + " » n'est pas une adresse IP");
		}
		int max = b.length * 8;
		int prefix;
		try {
			prefix = slash < 0 ? max : Integer.parseInt(c.substring(slash + 1));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("« " + c + " » : la longueur de préfixe doit être un nombre (0 à " + max + ")");
		}
		if (prefix < 0 || prefix > max) {
			throw new IllegalArgumentException("« " + c + " » : la longueur de préfixe doit aller de 0 à " + max);
		}
		BigInteger n = new BigInteger(1, b);
		if (prefix < max && !n.shiftRight(max - prefix).shiftLeft(max - prefix).equals(n)) {
			throw new IllegalArgumentException("« " + c + " » : l'adresse a des bits hors du préfixe /" + prefix);
		}
		return new Parsed(b, prefix);
	}
}
