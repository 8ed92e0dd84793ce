package org.entente.journal.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.Incoming;
import org.entente.journal.internal.store.Merkle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The receiving thread's work per line, before and after the byte paths (JMH, not a test): parsing for the index
 * ({@code reference*}: Strings and DateTimeFormatter as before; {@code bytes*}: today's parser), alone and with the
 * leaf data and hash a line needs before the store takes it. Lines are the load generator's RFC 5424 proxy lines.
 * Run: see docs/benchmarks.md (« Journal : réception »).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyslogParseBenchmark {

	private byte[][] lines;
	private SyslogParser parser;
	private SyslogParser reference;
	private MessageDigest md;
	private int next;

	@Setup
	public void setUp() {
		lines = new byte[1024][];
		for (int i = 0; i < lines.length; i++) {
			int college = 1 + (i % 59);
			lines[i] = ("<134>1 2026-12-01T10:00:" + String.format("%02d", i % 60) + "." + String.format("%03d", i)
					+ "+01:00 fw-college-" + college + " squid " + (1000 + i) + " - - user=eleve" + (i * 7 % 900)
					+ " src=10.35." + college + "." + (i % 250) + " GET http://www.example.org/page/" + i + " 200 5123")
				.getBytes(StandardCharsets.US_ASCII);
		}
		parser = new SyslogParser(ZoneId.of("Europe/Paris"));
		reference = SyslogParser.reference(ZoneId.of("Europe/Paris"));
		md = Merkle.sha256();
	}

	private byte[] line() {
		return lines[next++ & 1023];
	}

	@Benchmark
	public IndexFields referenceParse() {
		byte[] b = line();
		return reference.parse(b, 0, b.length);
	}

	@Benchmark
	public IndexFields bytesParse() {
		byte[] b = line();
		return parser.parse(b, 0, b.length);
	}

	@Benchmark
	public Incoming referenceLine() {
		byte[] b = line();
		return Incoming.of(md, 1_796_000_000_000_000L, "10.35.1.2", "tcp/127.0.0.1:5514", b, 0, b.length,
				reference.parse(b, 0, b.length));
	}

	@Benchmark
	public Incoming bytesLine() {
		byte[] b = line();
		return Incoming.of(md, 1_796_000_000_000_000L, "10.35.1.2", "tcp/127.0.0.1:5514", b, 0, b.length,
				parser.parse(b, 0, b.length));
	}
}
