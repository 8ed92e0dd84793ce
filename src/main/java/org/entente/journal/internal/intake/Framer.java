package org.entente.journal.internal.intake;

/**
 * Cuts a TCP byte stream into syslog frames (RFC 6587): octet-counting ({@code LEN SP MSG}) when a frame starts with
 * a digit followed by digits and a space, newline framing otherwise (the LF is the delimiter, not part of the line).
 * Memory is one fixed buffer of {@code maxLine} plus a little: a longer frame is cut at {@code maxLine}, kept flagged
 * truncated, and the rest of it is skipped as it arrives.
 */
final class Framer {

	interface Sink {
		void frame(byte[] buf, int off, int len, boolean truncated);
	}

	private final int maxLine;
	final byte[] buf;
	private int start;
	private int fill;
	/** Bytes still to skip of an octet-counted frame that was cut; -1 when skipping to the next LF. */
	private long skip;
	private boolean skippingToLf;

	Framer(int maxLine) {
		this.maxLine = maxLine;
		this.buf = new byte[maxLine + 16];
	}

	/** Where the next read goes and how much room it has (compacting first). */
	int writePosition() {
		if (start > 0) {
			System.arraycopy(buf, start, buf, 0, fill - start);
			fill -= start;
			start = 0;
		}
		return fill;
	}

	int room() {
		return buf.length - fill;
	}

	/** Takes {@code n} bytes just read at {@link #writePosition()} and emits every complete frame. */
	void advance(int n, Sink sink) {
		fill += n;
		while (start < fill) {
			if (skip > 0) {
				int s = (int) Math.min(skip, fill - start);
				start += s;
				skip -= s;
				continue;
			}
			if (skippingToLf) {
				int lf = indexOfLf(start, fill);
				if (lf < 0) {
					start = fill;
					return;
				}
				start = lf + 1;
				skippingToLf = false;
				continue;
			}
			if (buf[start] == '\n') {
				start++;
				continue;
			}
			if (buf[start] >= '1' && buf[start] <= '9') {
				int p = start;
				long len = 0;
				while (p < fill && p - start < 11 && buf[p] >= '0' && buf[p] <= '9') {
					len = len * 10 + (buf[p] - '0');
					p++;
				}
				if (p == fill && p - start < 11) {
					return; // need more bytes to know
				}
				if (buf[p] == ' ' && p - start < 11) {
					int body = p + 1;
					if (len <= maxLine) {
						if (fill - body < len) {
							return;
						}
						sink.frame(buf, body, (int) len, false);
						start = body + (int) len;
					}
					else {
						if (fill - body < maxLine) {
							return;
						}
						sink.frame(buf, body, maxLine, true);
						start = body + maxLine;
						skip = len - maxLine;
					}
					continue;
				}
			}
			int lf = indexOfLf(start, fill);
			if (lf >= 0) {
				int len = lf - start;
				if (len > maxLine) {
					sink.frame(buf, start, maxLine, true);
				}
				else {
					sink.frame(buf, start, len, false);
				}
				start = lf + 1;
			}
			else if (fill - start >= maxLine) {
				sink.frame(buf, start, maxLine, true);
				start += maxLine;
				skippingToLf = true;
			}
			else {
				return;
			}
		}
	}

	/** At the end of the stream: what remains is a last line without its LF. */
	void finish(Sink sink) {
		if (skip == 0 && !skippingToLf && fill > start) {
			sink.frame(buf, start, fill - start, false);
		}
		start = fill;
	}

	private int indexOfLf(int from, int to) {
		for (int i = from; i < to; i++) {
			if (buf[i] == '\n') {
				return i;
			}
		}
		return -1;
	}
}
