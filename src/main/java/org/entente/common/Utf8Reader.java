package org.entente.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict UTF-8 reader for intakes: where {@code InputStreamReader} silently turns an invalid byte into U+FFFD (and
 * the import then stores a mangled name), this one stops with {@link NotUtf8Exception}, which names the line and the
 * byte offset of the first invalid sequence.
 */
public final class Utf8Reader extends Reader {

	/** The first invalid sequence: its line (1 is the first) and its offset in bytes from the start of the stream. */
	public static final class NotUtf8Exception extends CharacterCodingException {

		private final long line;

		private final long offset;

		NotUtf8Exception(long line, long offset) {
			this.line = line;
			this.offset = offset;
		}

		public long line() {
			return line;
		}

		public long offset() {
			return offset;
		}

		@Override
		public String getMessage() {
			return "le fichier n'est pas en UTF-8 : octet invalide ligne " + line + " (octet n° " + offset + ")";
		}
	}

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);

	private final CharBuffer chars = CharBuffer.allocate(1 << 14);

	/** Bytes consumed by the decoder before {@link #bytes}' position, and newlines decoded so far. */
	private long consumed;

	private long newlines;

	private boolean eof;

	public Utf8Reader(InputStream in) {
		this.in = in;
		bytes.flip();
		chars.flip();
	}

	@Override
	public int read(char[] buf, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		while (!chars.hasRemaining()) {
			if (eof && !bytes.hasRemaining()) {
				return -1;
			}
			fill();
		}
		int n = Math.min(len, chars.remaining());
		chars.get(buf, off, n);
		return n;
	}

	private void fill() throws IOException {
		if (!eof) {
			bytes.compact();
			int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
			if (n < 0) {
				eof = true;
			}
			else {
				bytes.position(bytes.position() + n);
			}
			bytes.flip();
		}
		chars.clear();
		int before = bytes.position();
		CoderResult r = decoder.decode(bytes, chars, eof);
		if (!r.isError() && eof && !bytes.hasRemaining()) {
			r = decoder.flush(chars);
		}
		chars.flip();
		for (int i = 0; i < chars.limit(); i++) {
			if (chars.get(i) == '\n') {
				newlines++;
			}
		}
		if (r.isError()) {
			throw new NotUtf8Exception(newlines + 1, consumed + bytes.position() - before);
		}
		consumed += bytes.position() - before;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
