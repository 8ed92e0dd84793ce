package org.entente.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The rules of a local account's password (ANSSI, NIST SP 800-63B): at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_LENGTH}, not a common password, not the username or the service's name with digits around it, not one
 * character repeated; no composition rule (no «one digit and one capital»). Lists in {@code directory/*.txt}.
 */
@Component
class PasswordRules {

	static final int MIN_LENGTH = 12;

	// BCrypt reads 72 bytes; a longer password is accepted up to this many characters (a passphrase).
	static final int MAX_LENGTH = 128;

	private final Set<String> common = load("directory/common-passwords.txt");
	private final Set<String> words = load("directory/common-password-words.txt");

	/** Null when the password may be used, otherwise why not, in French. */
	String problem(String password, String username) {
		if (password == null || password.isEmpty()) {
			return "mot de passe obligatoire";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "au moins " + MIN_LENGTH + " caractères (ici " + length + ") ; une phrase de plusieurs mots est plus facile à retenir";
		}
		if (length > MAX_LENGTH) {
			return "au plus " + MAX_LENGTH + " caractères";
		}
		String folded = fold(password);
		if (password.codePoints().distinct().count() == 1) {
			return "un seul caractère répété : choisissez un mot de passe moins prévisible";
		}
		if (common.contains(folded)) {
			return "ce mot de passe figure dans la liste des mots de passe courants : choisissez-en un autre";
		}
		String core = folded.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (core.isEmpty()) {
			return "uniquement des chiffres et des signes, trop facile à deviner : ajoutez des mots";
		}
		String name = username == null ? null : fold(username).replaceAll("[^\\p{L}\\p{N}]", "");
		if (words.contains(core) || repeated(core) || (name != null && !name.isEmpty()
				&& core.replaceAll("[^\\p{L}\\p{N}]", "").equals(name))) {
			return "trop proche d'un mot de passe courant, de votre identifiant ou du nom du service : choisissez-en un autre";
		}
		return null;
	}

	/** Whether {@code core} is one of the words written several times (« azertyazerty »). */
	private boolean repeated(String core) {
		for (int size = 1; size <= core.length() / 2; size++) {
			if (core.length() % size == 0 && core.substring(0, size).repeat(core.length() / size).equals(core)
					&& (size < 4 || words.contains(core.substring(0, size)))) {
				return true;
			}
		}
		return false;
	}

	private static String fold(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static Set<String> load(String resource) {
		Set<String> set = new HashSet<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(PasswordRules::fold).forEach(set::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(set);
	}
}
