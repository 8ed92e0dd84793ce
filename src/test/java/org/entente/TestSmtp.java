package org.entente;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for mail tests ({@link MailTest}): GreenMail on loopback, on a fixed free port (a test that stops
 * and restarts the server finds it where the application expects it), for the whole test class, with the
 * application's mail on and a database of the class's own.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** The server of a {@link MailTest} class, on that port. */
	static GreenMailExtension server(int port) {
		return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
			.withPerMethodLifecycle(false);
	}

	/** Mail on, sent to the server on {@code port}, on the database {@code name}. */
	static void register(DynamicPropertyRegistry registry, int port, String database) {
		TestDatabases.isolate(registry, database);
		registry.add("entente.mail.enabled", () -> "true");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

	/** A received mail's subject, or an empty string when it cannot be read. */
	public static String subject(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			return "";
		}
	}

	static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The part of a mail (nested multiparts searched) whose file name is {@code filename}; an AssertionError if none. */
	public static jakarta.mail.BodyPart attachment(jakarta.mail.internet.MimeMultipart multipart, String filename) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			jakarta.mail.BodyPart part = multipart.getBodyPart(i);
			if (filename.equals(part.getFileName())) {
				return part;
			}
			if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart nested) {
				try {
					return attachment(nested, filename);
				}
				catch (AssertionError notHere) {
					// keep looking
				}
			}
		}
		throw new AssertionError("pas de pièce jointe " + filename);
	}
}
