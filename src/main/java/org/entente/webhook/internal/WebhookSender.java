package org.entente.webhook.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.entente.common.ProblemException;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery over the JDK's HttpClient: short timeouts (connect 2 s, answer 5 s), no redirect
 * followed, the Standard Webhooks headers. The host is resolved and checked by {@link UrlGuard} right before the
 * request; the JDK caches that answer (networkaddress.cache.ttl, 30 s by default), so the connection a few
 * milliseconds later goes to the address that was checked.
 */
@Component
class WebhookSender {

	record Outcome(boolean delivered, Integer status, String error) {
	}

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	Outcome send(Webhook webhook, Delivery delivery) {
		URI uri;
		try {
			uri = UrlGuard.parse(webhook.url());
			UrlGuard.resolve(uri, webhook.allowPrivate());
		}
		catch (ProblemException e) {
			return new Outcome(false, null, e.getMessage());
		}
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Entente-Webhooks/1")
			.header("webhook-id", delivery.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(webhook.secret(), delivery.id(), timestamp, delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return status >= 200 && status < 300 ? new Outcome(true, status, null)
					: new Outcome(false, status, "Réponse HTTP " + status);
		}
		catch (java.io.IOException e) {
			return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " : " + e.getMessage()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome(false, null, "Interrompu");
		}
	}
}
