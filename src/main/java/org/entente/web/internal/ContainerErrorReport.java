package org.entente.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The errors Tomcat answers itself, before any filter or controller runs: headers too large, an address too long,
 * {@code %00} in a path, a forbidden character in a header. Tomcat's own page was English HTML with its version; this
 * writes an RFC 9457 document for {@code /api/} addresses and a short French page for the rest, with no server
 * detail. (A request line too long for Tomcat's buffer is refused before its address is known: it gets the page.) Installed as the host's error report valve by {@link WebConfiguration}.
 */
public class ContainerErrorReport extends ErrorReportValve {

	public ContainerErrorReport() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(code);
		String raw = request.getCoyoteRequest().requestURI().toString();
		boolean api = raw != null && raw.startsWith("/api/");
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType(api ? "application/problem+json" : "text/html;charset=UTF-8");
			Writer w = response.getReporter();
			if (w == null) {
				return;
			}
			String title = ErrorPages.title(status);
			String detail = ErrorPages.detail(status, throwable);
			if (api) {
				w.write(ProblemResponses.json(status, "http-" + code, title, detail, null));
			}
			else {
				w.write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
						+ "<body><main><h1>Erreur " + code + " : " + title + "</h1><p>" + detail
						+ "</p><p><a href=\"/\">Retour à l'accueil</a></p></main></body></html>");
			}
		}
		catch (IOException | IllegalStateException e) {
			// the connection is gone: nothing more to say
		}
	}
}
