package org.entente.journal.internal.intake;

/** UTF-8 validity as the parser judges it, for views that show a line. */
public final class SyslogParserAccess {

	private SyslogParserAccess() {
	}

	public static boolean validUtf8(byte[] b) {
		return SyslogParser.validUtf8(b, 0, b.length);
	}
}
