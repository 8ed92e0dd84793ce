package org.entente.journal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;

import javax.net.ssl.SSLContext;

import org.entente.directory.DirectoryProperties;
import org.entente.directory.NetworkRanges;
import org.entente.journal.JournalProperties;
import org.entente.journal.internal.intake.SyslogParser;
import org.entente.journal.internal.intake.SyslogReceivers;
import org.entente.journal.internal.store.IndexFields;
import org.entente.journal.internal.store.JournalStore;
import org.entente.journal.internal.store.StoreOptions;
import org.entente.journal.internal.store.JournalWriter;
import org.entente.journal.internal.store.Line;
import org.entente.journal.internal.store.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Opens the store, starts its writer and the configured receivers; stops them (syncing) on shutdown. */
@Component
public class JournalRuntime implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JournalRuntime.class);

	private final JournalProperties properties;
	private final boolean demo;
	private final NetworkRanges ranges;
	private final ObjectProvider<SslBundles> sslBundles;
	private final SyslogParser parser;
	private volatile JournalWriter writer;
	private volatile SyslogReceivers receivers;
	private volatile int tcpPort;
	private volatile int udpPort;
	private volatile int tlsPort;

	JournalRuntime(JournalProperties properties, DirectoryProperties directory, NetworkRanges ranges,
			ObjectProvider<SslBundles> sslBundles) {
		this.properties = properties;
		this.demo = directory.demo().enabled();
		this.ranges = ranges;
		this.sslBundles = sslBundles;
		this.parser = new SyslogParser(properties.zone());
	}

	@Override
	public synchronized void start() {
		try {
			SigningKey key = SigningKey.loadOrCreate(properties.signingKeyOrDefault());
			JournalStore store = JournalStore.open(properties.directory(), properties.headsDirectoryOrDefault(),
					new StoreOptions(properties.segmentMaxBytes(), properties.syslog().maxLine() + 4096), key,
					this::index);
			writer = new JournalWriter(store, properties.syncInterval(), properties.treeHeadInterval(),
					properties.syslog().queueBatches(), Clock.systemUTC());
			JournalProperties.Syslog s = properties.syslog();
			receivers = new SyslogReceivers(writer, parser, a -> ranges.establishmentOf(a).orElse(null),
					new SyslogReceivers.Limits(s.maxLine(), s.idleTimeout(), s.maxConnections()));
			InetAddress bind = InetAddress.getByName(s.bindAddress());
			int tcp = port(s.tcpPort());
			int udp = port(s.udpPort());
			if (tcp > 0) {
				tcpPort = receivers.startTcp(bind, tcp, null, false);
			}
			if (udp > 0) {
				udpPort = receivers.startUdp(bind, udp);
			}
			if (s.tlsPort() != null && s.tlsPort() > 0) {
				if (s.tlsBundle() == null || s.tlsBundle().isBlank()) {
					throw new IllegalStateException("entente.journal.syslog.tls-port needs entente.journal.syslog.tls-bundle (an SSL bundle with the key and certificate)");
				}
				SSLContext ctx = sslBundles.getObject().getBundle(s.tlsBundle()).createSslContext();
				tlsPort = receivers.startTcp(bind, s.tlsPort(), ctx, s.tlsClientAuth());
			}
			log.info("Journal: {} lines in {}, tree heads in {}", store.size(), properties.directory().toAbsolutePath(),
					properties.headsDirectoryOrDefault().toAbsolutePath());
		}
		catch (IOException e) {
			throw new UncheckedIOException("the journal cannot start: " + e.getMessage(), e);
		}
	}

	/** Unset: 5514 in demo mode, off otherwise; 0: off. */
	private int port(Integer configured) {
		if (configured == null) {
			return demo ? 5514 : 0;
		}
		return configured;
	}

	private IndexFields index(Line line) {
		IndexFields f = parser.parse(line.raw(), 0, line.raw().length);
		try {
			return f.withUai(ranges.establishmentOf(InetAddress.getByName(line.sender())).orElse(null));
		}
		catch (IOException | RuntimeException e) {
			return f;
		}
	}

	public JournalWriter writer() {
		return writer;
	}

	public JournalStore store() {
		return writer.store();
	}

	public SyslogReceivers receivers() {
		return receivers;
	}

	public SyslogParser parser() {
		return parser;
	}

	public int tcpPort() {
		return tcpPort;
	}

	public int udpPort() {
		return udpPort;
	}

	public int tlsPort() {
		return tlsPort;
	}

	@Override
	public synchronized void stop() {
		if (receivers != null) {
			receivers.close();
		}
		if (writer != null) {
			try {
				writer.close();
			}
			catch (IOException e) {
				log.warn("Journal: closing the store: {}", e.getMessage());
			}
		}
		receivers = null;
	}

	@Override
	public boolean isRunning() {
		return receivers != null;
	}
}
