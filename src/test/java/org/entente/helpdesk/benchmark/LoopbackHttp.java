package org.entente.helpdesk.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection to a loopback server, used by one thread at a time. The load generator shares
 * two cores with the application and PostgreSQL: the JDK's HttpClient spent more CPU per request than the
 * application it measured, this spends a few microseconds. Content-Length and chunked bodies; nothing else.
 */
final class LoopbackHttp implements AutoCloseable {

	/** Status and body of a response. */
	record Response(int status, String body) {
	}

	private final String host;
	private final int port;
	private final int timeoutMillis;
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	LoopbackHttp(String base, int timeoutMillis) {
		URI uri = URI.create(base);
		if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
			throw new IllegalArgumentException("loopback only: " + base);
		}
		this.host = uri.getHost();
		this.port = uri.getPort() < 0 ? 80 : uri.getPort();
		this.timeoutMillis = timeoutMillis;
	}

	Response get(String pathAndQuery, String authorization) throws IOException {
		return exchange("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
				+ "\r\nAccept: application/json\r\n\r\n", null);
	}

	Response postJson(String path, String authorization, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return exchange("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n", body);
	}

	private Response exchange(String head, byte[] body) throws IOException {
		try {
			if (socket == null) {
				socket = new Socket();
				socket.setTcpNoDelay(true);
				socket.connect(new InetSocketAddress(host, port), timeoutMillis);
				socket.setSoTimeout(timeoutMillis);
				in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
				out = socket.getOutputStream();
			}
			byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
			if (body == null) {
				out.write(h);
			}
			else {
				byte[] all = new byte[h.length + body.length];
				System.arraycopy(h, 0, all, 0, h.length);
				System.arraycopy(body, 0, all, h.length, body.length);
				out.write(all);
			}
			out.flush();
			return read();
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	private Response read() throws IOException {
		String statusLine = line();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closeAfter = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
					size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
				body.write(in.readNBytes(size));
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length > 0) {
			body.write(in.readNBytes(length));
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder s = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("connection closed by the server");
			}
			if (c != '\r') {
				s.append((char) c);
			}
		}
		return s.toString();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
	}
}
