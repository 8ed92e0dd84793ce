package org.entente.journal.internal.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.Incoming;
import org.entente.journal.internal.store.JournalWriter;
import org.entente.journal.internal.store.Merkle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The syslog receivers: UDP (RFC 5426, one line per datagram), TCP with octet-counting or newline framing (RFC 6587)
 * and TLS (RFC 5425, same framing). Each TCP connection has its own thread that reads, frames, parses (for the
 * index) and hashes its lines, then hands them to the writer, waiting when the writer is behind (back-pressure).
 * Bounded: a line is cut at {@code maxLine}, a connection silent for {@code idleTimeout} is closed, at most
 * {@code maxConnections} connections are served at once (more are closed on arrival), a full queue drops UDP lines
 * and counts them.
 */
public final class SyslogReceivers implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(SyslogReceivers.class);

	/** How the receivers are bounded. */
	public record Limits(int maxLine, Duration idleTimeout, int maxConnections) {
	}

	private final JournalWriter writer;
	private final SyslogParser parser;
	private final Function<InetAddress, String> establishmentOf;
	private final Limits limits;
	private final Semaphore connections;
	private final List<Closeable> sockets = new CopyOnWriteArrayList<>();
	private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();
	private final List<Thread> threads = new CopyOnWriteArrayList<>();
	private final Map<InetAddress, String> uaiCache = new ConcurrentHashMap<>();
	private final AtomicLong received = new AtomicLong();
	private final AtomicLong udpDropped = new AtomicLong();
	private final AtomicLong truncated = new AtomicLong();
	private final AtomicLong refusedConnections = new AtomicLong();
	private final AtomicLong timedOut = new AtomicLong();
	private volatile boolean running = true;

	public SyslogReceivers(JournalWriter writer, SyslogParser parser, Function<InetAddress, String> establishmentOf,
			Limits limits) {
		this.writer = writer;
		this.parser = parser;
		this.establishmentOf = establishmentOf;
		this.limits = limits;
		this.connections = new Semaphore(limits.maxConnections());
	}

	/** Counters shown on the pages and in the metrics. */
	public record Counters(long received, long udpDropped, long truncated, long refusedConnections, long timedOut,
			int openConnections) {
	}

	public Counters counters() {
		return new Counters(received.get(), udpDropped.get(), truncated.get(), refusedConnections.get(), timedOut.get(),
				limits.maxConnections() - connections.availablePermits());
	}

	/** Starts a TCP (or, with an SSL context, TLS) receiver; returns the port bound (for port 0 in tests: never 0 here). */
	public int startTcp(InetAddress bind, int port, SSLContext tls, boolean needClientAuth) throws IOException {
		ServerSocket server;
		if (tls != null) {
			SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
			s.setNeedClientAuth(needClientAuth);
			s.setEnabledProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
			server = s;
		}
		else {
			server = new ServerSocket();
		}
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(bind, port), 512);
		sockets.add(server);
		String receiver = (tls != null ? "tls://" : "tcp://") + hostPort(bind, server.getLocalPort());
		Thread t = new Thread(() -> accept(server, receiver), "journal-" + receiver);
		t.setDaemon(true);
		threads.add(t);
		t.start();
		log.info("Journal: syslog receiver {}", receiver);
		return server.getLocalPort();
	}

	public int startUdp(InetAddress bind, int port) throws IOException {
		DatagramSocket socket = new DatagramSocket(null);
		socket.setReuseAddress(true);
		socket.setReceiveBufferSize(8 << 20);
		socket.bind(new InetSocketAddress(bind, port));
		sockets.add(socket);
		String receiver = "udp://" + hostPort(bind, socket.getLocalPort());
		Thread t = new Thread(() -> receiveUdp(socket, receiver), "journal-" + receiver);
		t.setDaemon(true);
		threads.add(t);
		t.start();
		log.info("Journal: syslog receiver {}", receiver);
		return socket.getLocalPort();
	}

	private static String hostPort(InetAddress a, int port) {
		String h = a.getHostAddress();
		return (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
	}

	private void accept(ServerSocket server, String receiver) {
		while (running) {
			Socket s;
			try {
				s = server.accept();
			}
			catch (IOException e) {
				if (running) {
					log.warn("Journal: accept failed on {}: {}", receiver, e.getMessage());
				}
				continue;
			}
			if (!connections.tryAcquire()) {
				refusedConnections.incrementAndGet();
				closeQuietly(s);
				continue;
			}
			open.add(s);
			Thread t = new Thread(() -> {
				try {
					serve(s, receiver);
				}
				finally {
					open.remove(s);
					connections.release();
					closeQuietly(s);
				}
			}, "journal-conn");
			t.setDaemon(true);
			t.start();
		}
	}

	private void serve(Socket s, String receiver) {
		try {
			s.setSoTimeout((int) limits.idleTimeout().toMillis());
			s.setReceiveBufferSize(1 << 20);
			InetAddress peer = s.getInetAddress();
			String sender = peer.getHostAddress();
			String uai = uaiOf(peer);
			MessageDigest md = Merkle.sha256();
			Framer framer = new Framer(limits.maxLine());
			InputStream in = s.getInputStream();
			List<Incoming> batch = new ArrayList<>();
			long[] now = new long[1];
			Framer.Sink sink = (buf, off, len, cut) -> batch.add(prepare(md, now[0], sender, receiver, uai, buf, off, len, cut));
			while (running) {
				int at = framer.writePosition();
				int n = in.read(framer.buf, at, framer.room());
				now[0] = nowMicros();
				if (n < 0) {
					framer.finish(sink);
					hand(batch);
					return;
				}
				framer.advance(n, sink);
				hand(batch);
			}
		}
		catch (SocketTimeoutException e) {
			timedOut.incrementAndGet();
		}
		catch (SocketException e) {
			// peer went away
		}
		catch (IOException e) {
			log.debug("Journal: connection ended: {}", e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void hand(List<Incoming> batch) throws InterruptedException {
		if (!batch.isEmpty()) {
			received.addAndGet(batch.size());
			writer.submit(new ArrayList<>(batch));
			batch.clear();
		}
	}

	private Incoming prepare(MessageDigest md, long micros, String sender, String receiver, String uai, byte[] buf,
			int off, int len, boolean cut) {
		IndexFields f = parser.parse(buf, off, len).withUai(uai);
		if (cut) {
			truncated.incrementAndGet();
			f = f.withFlags(IndexFields.TRUNCATED);
		}
		return Incoming.of(md, micros, sender, receiver, buf, off, len, f);
	}

	private void receiveUdp(DatagramSocket socket, String receiver) {
		byte[] buf = new byte[65536];
		DatagramPacket p = new DatagramPacket(buf, buf.length);
		MessageDigest md = Merkle.sha256();
		while (running) {
			try {
				p.setData(buf);
				socket.receive(p);
			}
			catch (IOException e) {
				if (running) {
					log.warn("Journal: UDP receive failed on {}: {}", receiver, e.getMessage());
				}
				continue;
			}
			int len = p.getLength();
			// RFC 5426: one message per datagram; a trailing LF some senders add is part of what was sent
			boolean cut = len > limits.maxLine();
			Incoming in = prepare(md, nowMicros(), p.getAddress().getHostAddress(), receiver, uaiOf(p.getAddress()), buf,
					0, Math.min(len, limits.maxLine()), cut);
			received.incrementAndGet();
			if (!writer.offer(List.of(in))) {
				udpDropped.incrementAndGet();
			}
		}
	}

	private String uaiOf(InetAddress a) {
		if (uaiCache.size() > 100_000) {
			uaiCache.clear();
		}
		String u = uaiCache.computeIfAbsent(a, x -> {
			String v = establishmentOf.apply(x);
			return v == null ? "" : v;
		});
		return u.isEmpty() ? null : u;
	}

	/** Forgets the establishment of each address (after an import of the addressing plan). */
	public void forgetEstablishments() {
		uaiCache.clear();
	}

	static long nowMicros() {
		Instant i = Instant.now();
		return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
	}

	private static void closeQuietly(Closeable c) {
		try {
			c.close();
		}
		catch (IOException e) {
			// closing
		}
	}

	@Override
	public void close() {
		running = false;
		sockets.forEach(SyslogReceivers::closeQuietly);
		open.forEach(SyslogReceivers::closeQuietly);
	}
}
