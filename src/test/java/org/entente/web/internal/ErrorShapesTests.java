package org.entente.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.entente.EntenteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error is a problem document on the API and the French error page elsewhere, including what Spring hands to
 * /error and what Tomcat answers itself; sent over a raw socket so that nothing in between tidies the request.
 */
@EntenteTest
class ErrorShapesTests {

	@LocalServerPort
	int port;

	record Answer(int status, String head, String body) {
	}

	Answer raw(String requestLineAndHeaders, String body) throws Exception {
		try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
			s.setSoTimeout(20_000);
			OutputStream out = s.getOutputStream();
			byte[] request = (requestLineAndHeaders + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
			// Written beside the reading: a server that refuses a large body answers and closes before it is all sent.
			Thread writer = new Thread(() -> {
				try {
					out.write(request);
					out.flush();
				}
				catch (java.io.IOException refusedMidway) {
					// the answer is read below
				}
			});
			writer.start();
			InputStream in = s.getInputStream();
			String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			writer.join(20_000);
			int split = all.indexOf("\r\n\r\n");
			String head = split < 0 ? all : all.substring(0, split);
			return new Answer(Integer.parseInt(head.substring(9, 12)), head.toLowerCase(), split < 0 ? "" : all.substring(split + 4));
		}
	}

	static String auth(String user) {
		return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + EntenteTest.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
	}

	static void problem(Answer a, int status) {
		assertThat(a.status()).as(a.head()).isEqualTo(status);
		assertThat(a.head()).contains("content-type: application/problem+json");
		assertThat(a.body()).contains("\"status\":" + status).contains("\"title\":\"").doesNotContain("Tomcat");
	}

	static void page(Answer a, int status) {
		assertThat(a.status()).as(a.head()).isEqualTo(status);
		assertThat(a.head()).contains("content-type: text/html");
		assertThat(a.body()).contains("lang=\"fr\"").doesNotContain("Tomcat");
	}

	@Test
	void unknownAddressesAndUnreadableBodies() throws Exception {
		problem(raw("GET /api/v1/rien-ici HTTP/1.1\r\nHost: x\r\n" + auth("admin"), ""), 404);
		page(raw("GET /rien-ici HTTP/1.1\r\nHost: x\r\n" + auth("admin"), ""), 404);
		Answer multipart = raw("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\n" + auth("college")
				+ "Content-Type: multipart/form-data\r\nContent-Length: 1\r\n", "x");
		problem(multipart, 400);
		assertThat(multipart.body()).contains("multipart");
	}

	@Test
	void aTooLargeUploadIsA413ProblemDocument() throws Exception {
		String boundary = "----entente" + System.nanoTime();
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n" + "a".repeat(7 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";
		Answer a = raw("POST /api/v1/tickets/1/attachments HTTP/1.1\r\nHost: x\r\n" + auth("admin")
				+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + part.length() + "\r\n", part);
		problem(a, 413);
		assertThat(a.body()).contains("5 Mo");
	}

	@Test
	void invalidUtf8InAQueryIsA400NamingTheFault() throws Exception {
		Answer api = raw("GET /api/v1/tickets?q=%C3%28 HTTP/1.1\r\nHost: x\r\n" + auth("admin"), "");
		problem(api, 400);
		assertThat(api.body()).contains("UTF-8");
		Answer page = raw("GET /tickets?q=%C3%28 HTTP/1.1\r\nHost: x\r\n" + auth("admin"), "");
		page(page, 400);
		assertThat(page.body()).contains("UTF-8");
	}

	@Test
	void whatTomcatRefusesItselfIsAnsweredInTheSameShapes() throws Exception {
		String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
		problem(raw("GET /api/v1/convention/matrix HTTP/1.1\r\nHost: x\r\n" + big, ""), 400);
		page(raw("GET /qui-fait-quoi HTTP/1.1\r\nHost: x\r\n" + big, ""), 400);
		// A request line longer than Tomcat's buffer is refused before its address is read: the address is unknown, so
		// the answer is the French page (no server detail), whatever the path.
		page(raw("GET /api/v1/convention/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n", ""), 400);
		problem(raw("GET /api/v1/convention/%00 HTTP/1.1\r\nHost: x\r\n", ""), 400);
		page(raw("GET /qui-fait-quoi/%00 HTTP/1.1\r\nHost: x\r\n", ""), 400);
		problem(raw("GET /api/v1/convention/matrix HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n", ""), 400);
	}
}
