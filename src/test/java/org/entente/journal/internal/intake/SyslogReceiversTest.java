package org.entente.journal.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.JournalWriter;
import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real senders (util-linux logger, sockets) against the receivers; hostile input is bounded. */
class SyslogReceiversTest {

	static final int MAX_LINE = 8192;

	@TempDir
	Path dir;

	JournalWriter writer;
	SyslogReceivers receivers;
	int tcp;
	int udp;
	InetAddress loopback = InetAddress.getLoopbackAddress();

	@BeforeEach
	void start() throws IOException {
		JournalStore store = JournalStore.open(dir, SigningKey.loadOrCreate(dir.resolve("keys/k")), l -> IndexFields.NONE);
		writer = new JournalWriter(store, Duration.ofMillis(100), Duration.ofSeconds(1), 64, Clock.systemUTC());
		receivers = new SyslogReceivers(writer, new SyslogParser(ZoneId.of("Europe/Paris")),
				a -> a.isLoopbackAddress() ? "0359901X" : null, new SyslogReceivers.Limits(MAX_LINE, Duration.ofMillis(500), 4));
		tcp = receivers.startTcp(loopback, 0, null, false);
		udp = receivers.startUdp(loopback, 0);
	}

	@AfterEach
	void stop() throws IOException {
		receivers.close();
		writer.close();
	}

	private JournalStore store() {
		return writer.store();
	}

	private List<Line> all() {
		List<Line> l = new ArrayList<>();
		for (long i = 0; i < store().size(); i++) {
			l.add(store().read(i));
		}
		return l;
	}

	private Line awaitLine(String containing) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> all().stream()
			.filter(l -> new String(l.raw(), StandardCharsets.UTF_8).contains(containing)).findFirst().orElse(null), l -> l != null);
	}

	private static void run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
	}

	private int flags(Line l) {
		return store().indexEntry(l.index()).getInt(JournalStore.IDX_FLAGS);
	}

	@Test
	void linesFromLoggerOverTcpAndUdpAreKeptAsSent() throws Exception {
		run("logger", "--tcp", "-n", "127.0.0.1", "-P", String.valueOf(tcp), "-t", "squid", "user=eleve1 GET http://a.example/ tcp-newline");
		run("logger", "--tcp", "--octet-count", "-n", "127.0.0.1", "-P", String.valueOf(tcp), "-t", "squid",
				"multi word message tcp-octet");
		run("logger", "--udp", "-n", "127.0.0.1", "-P", String.valueOf(udp), "-t", "dhcpd", "dst=10.0.0.9 udp-5424");
		run("logger", "--udp", "--rfc3164", "-n", "127.0.0.1", "-P", String.valueOf(udp), "-t", "proxy", "udp-3164 user=prof");

		Line a = awaitLine("tcp-newline");
		String raw = new String(a.raw(), StandardCharsets.UTF_8);
		assertThat(raw).startsWith("<13>1 ").endsWith("user=eleve1 GET http://a.example/ tcp-newline");
		assertThat(a.sender()).isEqualTo("127.0.0.1");
		assertThat(a.receiver()).isEqualTo("tcp://127.0.0.1:" + tcp);
		assertThat(flags(a) & IndexFields.RFC5424).isNotZero();
		var e = store().indexEntry(a.index());
		assertThat(e.getInt(JournalStore.IDX_APP)).isEqualTo(IndexFields.key("squid"));
		assertThat(e.getInt(JournalStore.IDX_USER)).isEqualTo(IndexFields.key("eleve1"));
		assertThat(e.getInt(JournalStore.IDX_DEST)).isEqualTo(IndexFields.key("http://a.example/"));
		byte[] uai = new byte[8];
		e.get(JournalStore.IDX_UAI, uai);
		assertThat(new String(uai, StandardCharsets.US_ASCII)).isEqualTo("0359901X");

		Line b = awaitLine("tcp-octet");
		assertThat(new String(b.raw(), StandardCharsets.UTF_8)).startsWith("<13>1 ").endsWith("multi word message tcp-octet");
		Line c = awaitLine("udp-5424");
		assertThat(c.receiver()).isEqualTo("udp://127.0.0.1:" + udp);
		assertThat(store().indexEntry(c.index()).getInt(JournalStore.IDX_DEST)).isEqualTo(IndexFields.key("10.0.0.9"));
		Line d = awaitLine("udp-3164");
		assertThat(flags(d) & IndexFields.RFC3164).isNotZero();
		assertThat(store().indexEntry(d.index()).getInt(JournalStore.IDX_APP)).isEqualTo(IndexFields.key("proxy"));
	}

	@Test
	void unparsableAndInvalidUtf8LinesAreKeptRawAndFlagged() throws Exception {
		byte[] bad = { 'n', 'o', 't', ' ', 's', 'y', 's', 'l', 'o', 'g', ' ', (byte) 0xff, (byte) 0xfe, 'x', '\n' };
		try (Socket s = new Socket(loopback, tcp)) {
			s.getOutputStream().write(bad);
		}
		Line l = awaitLine("not syslog");
		assertThat(l.raw()).isEqualTo(java.util.Arrays.copyOf(bad, bad.length - 1));
		assertThat(flags(l) & IndexFields.UNPARSED).isNotZero();
		assertThat(flags(l) & IndexFields.INVALID_UTF8).isNotZero();
	}

	@Test
	void aHugeLineIsCutAtTheMaximumAndTheRestSkippedWithoutHarm() throws Exception {
		send("<13>1 - before - - - - first\n");
		Line first = awaitLine("first");
		byte[] firstRaw = first.raw();
		// 200 MB without a newline, then an octet-counted frame announcing 1 GB of which 5 MB are sent
		try (Socket s = new Socket(loopback, tcp)) {
			OutputStream o = s.getOutputStream();
			byte[] chunk = new byte[1 << 20];
			java.util.Arrays.fill(chunk, (byte) 'a');
			chunk[0] = 'H';
			for (int i = 0; i < 200; i++) {
				o.write(chunk);
				chunk[0] = 'a';
			}
			o.write("\n<13>1 - after - - - - second\n".getBytes(StandardCharsets.US_ASCII));
			o.write("1073741824 ".getBytes(StandardCharsets.US_ASCII));
			chunk[0] = 'G';
			for (int i = 0; i < 5; i++) {
				o.write(chunk);
				chunk[0] = 'a';
			}
		}
		Line after = awaitLine("second");
		Line huge = all().stream().filter(l -> l.raw().length > 0 && l.raw()[0] == 'H').findFirst().orElseThrow();
		assertThat(huge.raw()).hasSize(MAX_LINE);
		assertThat(flags(huge) & IndexFields.TRUNCATED).isNotZero();
		assertThat(after.index()).isEqualTo(huge.index() + 1);
		Line giga = await().atMost(Duration.ofSeconds(10)).until(() -> all().stream()
			.filter(l -> l.raw().length > 0 && l.raw()[0] == 'G').findFirst().orElse(null), l -> l != null);
		assertThat(giga.raw()).hasSize(MAX_LINE);
		assertThat(receivers.counters().truncated()).isEqualTo(2);
		// nothing already stored changed
		assertThat(store().read(first.index()).raw()).isEqualTo(firstRaw);
		await().atMost(Duration.ofSeconds(5)).until(() -> store().latestHead() != null && store().latestHead().treeSize() == store().size());
		assertThat(store().verify().ok()).isTrue();
	}

	@Test
	void aStalledClientIsClosedAndAFloodOfConnectionsIsBounded() throws Exception {
		try (Socket stalled = new Socket(loopback, tcp)) {
			stalled.getOutputStream().write("<13>1 - half".getBytes(StandardCharsets.US_ASCII));
			stalled.setSoTimeout(10_000);
			InputStream in = stalled.getInputStream();
			assertThat(in.read()).isEqualTo(-1); // closed by the receiver after its idle timeout
		}
		assertThat(receivers.counters().timedOut()).isEqualTo(1);
		List<Socket> flood = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				Socket s = new Socket();
				s.connect(new InetSocketAddress(loopback, tcp), 2000);
				flood.add(s);
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> receivers.counters().refusedConnections() >= 16);
			assertThat(receivers.counters().openConnections()).isLessThanOrEqualTo(4);
		}
		finally {
			for (Socket s : flood) {
				s.close();
			}
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> receivers.counters().openConnections() == 0);
		send("<13>1 - host app - - - after the flood\n");
		awaitLine("after the flood");
	}

	@Test
	void manyTcpLinesAreAllStoredInOrder() throws Exception {
		int n = 50_000;
		try (Socket s = new Socket(loopback, tcp)) {
			OutputStream o = new java.io.BufferedOutputStream(s.getOutputStream(), 1 << 16);
			for (int i = 0; i < n; i++) {
				o.write(("<13>1 - h app - - - bulk " + i + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			o.flush();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> store().size() == n);
		for (int i = 0; i < n; i += 4999) {
			assertThat(new String(store().read(i).raw(), StandardCharsets.US_ASCII)).isEqualTo("<13>1 - h app - - - bulk " + i);
		}
	}

	@Test
	void udpDropsAreCountedWhenTheWriterIsFullWhileTcpWaits() throws Exception {
		java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
		writer.call(s -> {
			try {
				hold.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return null;
		});
		long before = store().size();
		try (DatagramSocket d = new DatagramSocket()) {
			for (int i = 0; i < 300; i++) {
				byte[] m = ("<13>1 - h app - - - dgram " + i).getBytes(StandardCharsets.US_ASCII);
				d.send(new DatagramPacket(m, m.length, loopback, udp));
			}
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> receivers.counters().udpDropped() > 0);
		hold.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> receivers.counters().received() >= 300
				&& store().size() - before == receivers.counters().received() - receivers.counters().udpDropped());
	}

	@Test
	void tlsWithAConfiguredKeyAndCertificate() throws Exception {
		javax.net.ssl.SSLContext ctx = SelfSigned.context(dir.resolve("tls"));
		int tls = receivers.startTcp(loopback, 0, ctx, false);
		try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket(loopback, tls)) {
			s.startHandshake();
			s.getOutputStream().write("<13>1 2026-12-01T10:00:00Z fw app - - - over tls\n".getBytes(StandardCharsets.US_ASCII));
		}
		Line l = awaitLine("over tls");
		assertThat(l.receiver()).isEqualTo("tls://127.0.0.1:" + tls);
		assertThat(new String(l.raw(), StandardCharsets.US_ASCII)).isEqualTo("<13>1 2026-12-01T10:00:00Z fw app - - - over tls");
		// a plain TCP client gets nothing stored
		try (Socket plain = new Socket(loopback, tls)) {
			plain.getOutputStream().write("<13>1 - h app - - - plain into tls\n".getBytes(StandardCharsets.US_ASCII));
			plain.setSoTimeout(5000);
			try {
				plain.getInputStream().read();
			}
			catch (IOException expected) {
				// reset by the server
			}
		}
		assertThat(all()).noneMatch(x -> new String(x.raw(), StandardCharsets.ISO_8859_1).contains("plain into tls"));
	}

	private void send(String s) throws IOException {
		try (Socket so = new Socket(loopback, tcp)) {
			so.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
		}
	}
}
