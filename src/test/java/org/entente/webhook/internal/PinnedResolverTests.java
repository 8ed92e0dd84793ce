package org.entente.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: the sender's connection goes to the very answer the SSRF guard checked. A stub resolver flips its
 * answers between calls, as a rebinding name server would; real HTTP receivers listen on 127.0.0.1 and 127.0.0.2
 * (both loopback on Linux) on one port, so that a connection to the second answer would be seen.
 */
class PinnedResolverTests {

	private static final String HOST = "hooks.example.test";

	private final List<HttpServer> servers = new ArrayList<>();

	private final AtomicInteger good = new AtomicInteger();

	private final AtomicInteger bad = new AtomicInteger();

	@AfterEach
	void stop() {
		servers.forEach(s -> s.stop(0));
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpServer receiver(String address, int port, AtomicInteger count) throws IOException {
		HttpServer s = HttpServer.create(new InetSocketAddress(address, port), 0);
		s.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			count.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		s.start();
		servers.add(s);
		return s;
	}

	/** Both receivers on one port: the 127.0.0.2 one first (port 0), then 127.0.0.1 on the same port. */
	private int twoReceivers() throws IOException {
		int port = receiver("127.0.0.2", 0, bad).getAddress().getPort();
		receiver("127.0.0.1", port, good);
		return port;
	}

	private static Webhook webhook(String url, boolean allowPrivate) {
		return new Webhook(1, url, List.of("ticket.opened"), WebhookDeliveryTests.SECRET, "admin", null, null, allowPrivate,
				"ACTIVE", 0, null, Instant.now(), null);
	}

	private static Delivery delivery(int n) {
		return new Delivery(n, "msg_" + n, 1, "ticket.opened", "ticket:1", "{\"type\":\"ticket.opened\"}", "PENDING", 0,
				Instant.now(), null, null, Instant.now(), null);
	}

	@Test
	void aRebindingAnswerIsNeverConnectedTo() throws Exception {
		int port = twoReceivers();
		// The name server's answers, one per call: allowed, then the address to protect, then allowed again.
		List<InetAddress[]> answers = List.of(new InetAddress[] { address("127.0.0.1") }, new InetAddress[] { address("127.0.0.2") },
				new InetAddress[] { address("127.0.0.1") }, new InetAddress[] { address("127.0.0.1"), address("127.0.0.2") });
		AtomicInteger calls = new AtomicInteger();
		PinnedResolver.Lookup rebinding = host -> answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
		// 127.0.0.2 stands for 169.254.169.254: the address the guard refuses, here one a test can listen on.
		PinnedResolver resolver = new PinnedResolver(rebinding, a -> a.getHostAddress().equals("127.0.0.2"));
		WebhookSender sender = new WebhookSender(resolver, resolver);
		try {
			String url = "http://" + HOST + ":" + port + "/hook";
			WebhookSender.Outcome first = sender.send(webhook(url, false), delivery(1));
			assertThat(first.delivered()).as(String.valueOf(first.error())).isTrue();
			assertThat(calls.get()).as("one answer per connection, the one checked").isEqualTo(1);
			WebhookSender.Outcome second = sender.send(webhook(url, false), delivery(2));
			assertThat(second.delivered()).isFalse();
			assertThat(second.status()).isNull();
			assertThat(second.error()).contains("adresse interne (127.0.0.2)");
			assertThat(sender.send(webhook(url, false), delivery(3)).delivered()).isTrue();
			// An answer with one refused address among allowed ones is refused whole.
			assertThat(sender.send(webhook(url, false), delivery(4)).error()).contains("127.0.0.2");
			assertThat(calls.get()).isEqualTo(4);
			assertThat(resolver.lookups()).isEqualTo(4);
			assertThat(good.get()).isEqualTo(2);
			assertThat(bad.get()).as("connections to the rebinding answer").isZero();
		}
		finally {
			sender.destroy();
		}
	}

	@Test
	void theGuardRefusesInternalAnswersUnlessAllowed() throws Exception {
		int port = twoReceivers();
		List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
		AtomicInteger calls = new AtomicInteger();
		PinnedResolver.Lookup stub = host -> {
			asked.add(host);
			return new InetAddress[] { address(calls.getAndIncrement() % 2 == 0 ? "169.254.169.254" : "127.0.0.1") };
		};
		WebhookSender sender = new WebhookSender(stub);
		try {
			String url = "http://" + HOST + ":" + port + "/hook";
			assertThat(sender.send(webhook(url, false), delivery(1)).error()).contains("adresse interne (169.254.169.254)");
			assertThat(sender.send(webhook(url, false), delivery(2)).error()).contains("adresse interne (127.0.0.1)");
			assertThat(good.get()).isZero();
			// An administrator allowed this one: the same stub's loopback answer is used, the metadata one too would be.
			calls.set(1);
			assertThat(sender.send(webhook(url, true), delivery(3)).delivered()).isTrue();
			assertThat(good.get()).isEqualTo(1);
			assertThat(asked).containsOnly(HOST).hasSize(3);
		}
		finally {
			sender.destroy();
		}
	}

	/** TLS to the checked address still names the host: the ClientHello's server name is the URL's host. */
	@Test
	void tlsStillNamesTheHost() throws Exception {
		try (ServerSocket tls = new ServerSocket(0, 1, address("127.0.0.1"))) {
			CompletableFuture<String> hello = CompletableFuture.supplyAsync(() -> {
				try (Socket s = tls.accept()) {
					s.setSoTimeout(5000);
					InputStream in = s.getInputStream();
					byte[] buffer = new byte[4096];
					int n = in.read(buffer);
					return new String(buffer, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1);
				}
				catch (IOException e) {
					return "";
				}
			});
			WebhookSender sender = new WebhookSender(host -> new InetAddress[] { address("127.0.0.1") });
			try {
				WebhookSender.Outcome outcome = sender.send(webhook("https://" + HOST + ":" + tls.getLocalPort() + "/hook", true),
						delivery(1));
				assertThat(outcome.delivered()).isFalse();
				assertThat(hello.get(10, TimeUnit.SECONDS)).contains(HOST);
			}
			finally {
				sender.destroy();
			}
		}
	}
}
