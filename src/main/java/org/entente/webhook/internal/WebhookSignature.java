package org.entente.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: the secret is {@code whsec_} and base64 of 24 to 64 random bytes; the signature is
 * {@code v1,} and base64 of HMAC-SHA256, keyed by those bytes, of « id.timestamp.body ».
 */
final class WebhookSignature {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The key bytes of a secret, or null when it is not of the form whsec_ + base64 of 24 to 64 bytes. */
	static byte[] key(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return null;
		}
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
			return key.length >= 24 && key.length <= 64 ? key : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static String sign(String secret, String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
