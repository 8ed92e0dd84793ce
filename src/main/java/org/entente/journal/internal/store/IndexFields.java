package org.entente.journal.internal.store;

/**
 * What parsing found in a line, for the index only (the line itself is kept as received): the time the line
 * states, host, application, the establishment of the sender's address, user and destination; flags say how it parsed.
 */
public record IndexFields(long eventTimeMillis, String uai, String host, String app, String user, String destination,
		int flags) {

	public static final long NO_TIME = Long.MIN_VALUE;

	public static final int RFC5424 = 1;
	public static final int RFC3164 = 2;
	/** Not a syslog line we could read: kept raw, flagged. */
	public static final int UNPARSED = 4;
	public static final int INVALID_UTF8 = 8;
	/** Cut at the configured maximum length. */
	public static final int TRUNCATED = 16;

	public static final IndexFields NONE = new IndexFields(NO_TIME, null, null, null, null, null, UNPARSED);

	public IndexFields withUai(String establishment) {
		return new IndexFields(eventTimeMillis, establishment, host, app, user, destination, flags);
	}

	public IndexFields withFlags(int more) {
		return new IndexFields(eventTimeMillis, uai, host, app, user, destination, flags | more);
	}

	/** 32-bit FNV-1a of the lower-cased text, 0 for none: what the index keeps to skip lines quickly. */
	public static int key(String s) {
		if (s == null || s.isEmpty()) {
			return 0;
		}
		int h = 0x811c9dc5;
		for (int i = 0; i < s.length(); i++) {
			h ^= Character.toLowerCase(s.charAt(i));
			h *= 0x01000193;
		}
		return h == 0 ? 1 : h;
	}

	/**
	 * 64-bit FNV-1a of the text lower-cased as {@link #key} does, never 0: what tells two values of the same
	 * {@link #key} apart (the lines per key of a segment say it for their value).
	 */
	public static long exactKey(String s) {
		if (s == null || s.isEmpty()) {
			return 0;
		}
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < s.length(); i++) {
			h ^= Character.toLowerCase(s.charAt(i));
			h *= 0x100000001b3L;
		}
		return h == 0 ? 1 : h;
	}
}
