package org.entente.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload or a decompression, bounded: reads at most {@code limit} bytes, then fails with {@link TooLargeException}: bounds uploads and decompression. */
public class LimitedInputStream extends FilterInputStream {

	private final long limit;
	private long count;

	public LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	public long count() {
		return count;
	}

	private void count(int n) throws IOException {
		count += n;
		if (count > limit) {
			throw new TooLargeException(limit);
		}
	}

	/** More bytes than allowed. */
	public static class TooLargeException extends IOException {

		private final long limit;

		TooLargeException(long limit) {
			super("plus de " + limit + " octets");
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}
	}
}
