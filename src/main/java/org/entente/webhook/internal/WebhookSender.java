package org.entente.webhook.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.entente.common.ProblemException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery over Apache HttpClient 5: short timeouts (connect 2 s, answer 5 s), no redirect
 * followed, no automatic retry (the dispatcher retries, with the same webhook-id), no connection reused (each attempt
 * resolves and checks afresh), the Standard Webhooks headers. The host is resolved by {@link PinnedResolver}, which
 * checks that answer with {@link UrlGuard} and hands the connection exactly the addresses it checked; TLS verifies
 * the certificate against the URL's host name. Two clients: one for the webhooks an administrator allowed to reach
 * an internal address, one for all others.
 */
@Component
class WebhookSender implements DisposableBean {

	record Outcome(boolean delivered, Integer status, String error) {
	}

	private final CloseableHttpClient strict;

	private final CloseableHttpClient permissive;

	WebhookSender() {
		this(InetAddress::getAllByName);
	}

	/** With the answers of {@code lookup} (a rebinding stub in tests). */
	WebhookSender(PinnedResolver.Lookup lookup) {
		this(new PinnedResolver(lookup, false), new PinnedResolver(lookup, true));
	}

	WebhookSender(PinnedResolver strictResolver, PinnedResolver permissiveResolver) {
		this.strict = client(strictResolver);
		this.permissive = client(permissiveResolver);
	}

	private static CloseableHttpClient client(PinnedResolver resolver) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(2))
					.setSocketTimeout(Timeout.ofSeconds(5))
					.build())
				.setMaxConnTotal(20)
				.setMaxConnPerRoute(2)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(Timeout.ofSeconds(5))
				.setConnectionRequestTimeout(Timeout.ofSeconds(5))
				.build())
			.setConnectionReuseStrategy((request, response, context) -> false)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent("Entente-Webhooks/1")
			.build();
	}

	Outcome send(Webhook webhook, Delivery delivery) {
		URI uri;
		try {
			uri = UrlGuard.parse(webhook.url());
		}
		catch (ProblemException e) {
			return new Outcome(false, null, e.getMessage());
		}
		long timestamp = Instant.now().getEpochSecond();
		HttpPost post = new HttpPost(uri);
		post.setHeader("webhook-id", delivery.id());
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature", WebhookSignature.sign(webhook.secret(), delivery.id(), timestamp, delivery.payload()));
		post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
		try {
			int status = (webhook.allowPrivate() ? permissive : strict).execute(post, response -> response.getCode());
			return status >= 200 && status < 300 ? new Outcome(true, status, null)
					: new Outcome(false, status, "Réponse HTTP " + status);
		}
		catch (PinnedResolver.RefusedAddress e) {
			return new Outcome(false, null, e.getMessage());
		}
		catch (IOException e) {
			return new Outcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " : " + e.getMessage()));
		}
	}

	@Override
	public void destroy() throws IOException {
		strict.close();
		permissive.close();
	}
}
