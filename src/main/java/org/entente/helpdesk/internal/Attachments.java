package org.entente.helpdesk.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.entente.common.ProblemException;

/**
 * What a ticket accepts as attachment: at most 5 MB of PDF, PNG, JPEG or plain text (txt, csv, log). The type is
 * checked on the content (magic numbers; valid UTF-8 without markup for text), not just the extension, and the
 * file is always served as a download with the sniffed type, never as HTML.
 */
final class Attachments {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain", "csv", "text/csv", "log", "text/plain");

	private Attachments() {
	}

	/** The content type to store and serve, or an exception saying what is wrong. */
	static String check(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw ProblemException.invalid("file", "Le fichier est vide.").worded("helpdesk.refused.fileEmpty");
		}
		if (content.length > MAX_BYTES) {
			throw ProblemException.invalid("file", "Le fichier dépasse 5 Mo.").worded("helpdesk.refused.fileTooLarge");
		}
		String name = filename == null ? "" : filename;
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String type = TYPES.get(ext);
		if (type == null) {
			throw ProblemException.invalid("file", "Type de fichier refusé (« " + ext + " ») : PDF, PNG, JPEG, TXT, CSV ou LOG seulement.")
				.worded("helpdesk.refused.fileType", ext);
		}
		boolean ok = switch (ext) {
			case "pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
			case "png" -> startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
			case "jpg", "jpeg" -> startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
			default -> isPlainText(content);
		};
		if (!ok) {
			throw ProblemException.invalid("file", "Le contenu du fichier ne correspond pas à son extension « " + ext + " ».")
				.worded("helpdesk.refused.fileContent", ext);
		}
		return type;
	}

	/** A file name safe to store and to put in a Content-Disposition header. */
	static String safeName(String filename) {
		String base = filename == null ? "fichier" : filename.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
		return base.isBlank() ? "fichier" : base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPlainText(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return false;
			}
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			// Latin-1 logs are common: accept bytes that decode as ISO-8859-1 (every byte does), markup is still checked.
			text = new String(content, StandardCharsets.ISO_8859_1);
		}
		String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase(Locale.ROOT).stripLeading();
		return !(head.startsWith("<!doctype") || head.startsWith("<html") || head.contains("<script")
				|| head.startsWith("<svg") || head.startsWith("<?xml"));
	}
}
