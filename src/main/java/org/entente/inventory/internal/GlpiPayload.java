package org.entente.inventory.internal;

import org.entente.common.LimitedInputStream;
import org.entente.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GLPI Agent message defensively: the body (compressed with zlib or gzip as the agent's Content-Type says,
 * or plain JSON or XML) is capped before and after decompression, with a ratio limit against zip bombs, and parsed with
 * limits on string length, nesting and number size. Every refusal is a problem document that says why.
 */
final class GlpiPayload {

	static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
	static final int MAX_JSON_BYTES = 10 * 1024 * 1024;
	/** Real inventories compress 5 to 20 times; beyond this ratio on a large body, it is a bomb. */
	static final int MAX_RATIO = 100;
	static final int RATIO_FLOOR_BYTES = 1024 * 1024;
	static final int MAX_STRING = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxStringLength(MAX_STRING)
			.maxNestingDepth(32)
			.maxNumberLength(64)
			.maxNameLength(256)
			.maxDocumentLength(MAX_JSON_BYTES)
			.build())
		.build()).build();

	private GlpiPayload() {
	}

	static JsonNode read(InputStream body, String contentType) throws IOException {
		return json(decode(body, contentType));
	}

	/** The message's bytes once the body is read within its limits and decompressed (zlib, gzip or plain). */
	static byte[] decode(InputStream body, String contentType) throws IOException {
		byte[] raw;
		try (InputStream in = new LimitedInputStream(body, MAX_BODY_BYTES)) {
			raw = in.readAllBytes();
		}
		catch (LimitedInputStream.TooLargeException e) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Inventaire trop volumineux",
					"Le message dépasse " + MAX_BODY_BYTES / 1024 / 1024 + " Mio.");
		}
		if (raw.length == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message vide", "Le corps de la requête est vide.");
		}
		return decompress(raw, encoding(contentType, raw));
	}

	/** True when the decoded message is XML (the OCS / FusionInventory protocol) rather than JSON. */
	static boolean isXml(byte[] message) {
		for (byte b : message) {
			if (b == '<') {
				return true;
			}
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
				return false;
			}
		}
		return false;
	}

	static JsonNode json(byte[] json) {
		try {
			JsonNode node = JSON.readTree(json);
			if (node == null || !node.isObject()) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "JSON invalide", "Le message doit être un objet JSON.");
			}
			return node;
		}
		catch (StreamConstraintsException e) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message refusé",
					"Le message dépasse une limite (chaîne de " + MAX_STRING / 1024 + " Kio au plus, 32 niveaux d'imbrication) : "
							+ e.getOriginalMessage());
		}
		catch (JacksonException e) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "JSON invalide", "Le message n'est pas un JSON valide : "
					+ e.getOriginalMessage());
		}
	}

	private enum Encoding {
		ZLIB, GZIP, PLAIN
	}

	private static Encoding encoding(String contentType, byte[] raw) {
		String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
		if (type.startsWith("application/x-compress-zlib") || type.startsWith("application/x-zlib")) {
			return Encoding.ZLIB;
		}
		if (type.startsWith("application/x-compress-gzip") || type.startsWith("application/gzip")) {
			return Encoding.GZIP;
		}
		if (type.startsWith("application/json") || type.startsWith("application/xml") || type.startsWith("text/xml")
				|| type.startsWith("text/plain")) {
			return Encoding.PLAIN;
		}
		// No type, a generic one or a bare x-compress: the magic bytes say zlib or gzip.
		if (type.isEmpty() || type.startsWith("application/octet-stream") || type.startsWith("application/x-compress")) {
			if (raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
				return Encoding.GZIP;
			}
			return raw[0] == 0x78 ? Encoding.ZLIB : Encoding.PLAIN;
		}
		throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Format non pris en charge", "Type « " + contentType
				+ " » non pris en charge : application/json, application/xml, application/x-compress-zlib ou "
				+ "application/x-compress-gzip (protocoles de GLPI Agent et de FusionInventory).");
	}

	private static byte[] decompress(byte[] raw, Encoding encoding) throws IOException {
		if (encoding == Encoding.PLAIN) {
			return raw;
		}
		try (InputStream in = encoding == Encoding.GZIP ? new GZIPInputStream(new ByteArrayInputStream(raw))
				: new InflaterInputStream(new ByteArrayInputStream(raw))) {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.min(MAX_JSON_BYTES, raw.length * 8));
			byte[] buffer = new byte[16384];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > MAX_JSON_BYTES) {
					throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Inventaire trop volumineux",
							"Une fois décompressé, le message dépasse " + MAX_JSON_BYTES / 1024 / 1024 + " Mio.");
				}
				if (total > RATIO_FLOOR_BYTES && total > (long) raw.length * MAX_RATIO) {
					throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Message refusé", "Taux de compression anormal (plus de "
							+ MAX_RATIO + " pour 1) : message refusé comme bombe de décompression.");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (ZipException | java.io.EOFException e) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Compression invalide",
					"Le message annoncé " + (encoding == Encoding.GZIP ? "gzip" : "zlib") + " ne se décompresse pas : " + e.getMessage());
		}
	}
}
