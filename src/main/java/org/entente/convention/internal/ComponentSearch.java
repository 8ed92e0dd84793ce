package org.entente.convention.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.entente.convention.Component;
import org.entente.convention.Convention;

/**
 * Search over the matrix that forgives accents, case, plurals, hyphens and small typos («borne wifi» finds
 * «Bornes Wi-Fi»). Built once per convention version; a query scans ~60 rows, which is faster than any index.
 */
public final class ComponentSearch {

	private static final Set<String> STOP_WORDS = Set.of("de", "la", "le", "les", "des", "du", "d", "l", "et", "en",
			"un", "une", "a", "au", "aux", "pour", "sur", "qui", "doit", "ou", "dans", "ne", "pas", "plus", "mon", "ma",
			"mes", "notre", "nos");

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

	private record Entry(Component component, Set<String> tokens, Set<String> labelTokens) {
	}

	private final List<Entry> entries;

	public ComponentSearch(Convention convention) {
		List<Entry> list = new ArrayList<>();
		for (Component c : convention.components().values()) {
			Set<String> label = tokens(c.label() + " " + c.code().replace('_', ' '));
			Set<String> all = new LinkedHashSet<>(label);
			all.addAll(tokens(c.domain()));
			c.keywords().forEach(k -> all.addAll(tokens(k)));
			list.add(new Entry(c, all, label));
		}
		this.entries = List.copyOf(list);
	}

	/** Components matching every word of the query (or, failing that, the most words), best first. */
	public List<Component> search(String query) {
		List<String> words = List.copyOf(queryTokens(query));
		if (words.isEmpty()) {
			return entries.stream().map(Entry::component).toList();
		}
		record Scored(Component component, int matched, int score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Entry e : entries) {
			int matched = 0;
			int score = 0;
			for (String w : words) {
				int s = best(w, e);
				if (s > 0) {
					matched++;
					score += s;
				}
			}
			if (matched > 0) {
				scored.add(new Scored(e.component(), matched, score));
			}
		}
		int all = words.size();
		boolean anyFull = scored.stream().anyMatch(s -> s.matched() == all);
		return scored.stream()
			.filter(s -> !anyFull || s.matched() == all)
			.sorted(Comparator.comparingInt(Scored::matched).thenComparingInt(Scored::score).reversed())
			.map(Scored::component)
			.toList();
	}

	/** The components whose code or label is nearest to an unknown code, for «did you mean». */
	public List<Component> nearest(String code, int limit) {
		List<Component> found = search(code == null ? "" : code.replace('_', ' '));
		return found.subList(0, Math.min(limit, found.size()));
	}

	private static int best(String word, Entry e) {
		int best = 0;
		for (String t : e.tokens()) {
			int bonus = e.labelTokens().contains(t) ? 1 : 0;
			int s;
			if (t.equals(word)) {
				s = 6;
			}
			else if (word.length() >= 3 && t.startsWith(word)) {
				s = 4;
			}
			else if (word.length() >= 4 && withinTypos(word, t)) {
				s = 2;
			}
			else {
				continue;
			}
			best = Math.max(best, s + bonus);
		}
		return best;
	}

	private static boolean withinTypos(String word, String token) {
		int allowed = word.length() >= 8 ? 2 : 1;
		if (Math.abs(word.length() - token.length()) > allowed) {
			return false;
		}
		int d = DISTANCE.apply(word, token);
		return d >= 0 && d <= allowed;
	}

	static Set<String> queryTokens(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String t : normalize(text).split(" ")) {
			if (!t.isBlank() && !STOP_WORDS.contains(t)) {
				tokens.add(stem(t));
			}
		}
		return tokens;
	}

	/** Words of a text, singular, plus each pair of neighbours glued («wi fi» also gives «wifi»). */
	static Set<String> tokens(String text) {
		String[] words = normalize(text).split(" ");
		Set<String> tokens = new LinkedHashSet<>();
		String previous = null;
		for (String w : words) {
			if (w.isBlank()) {
				continue;
			}
			String s = stem(w);
			if (!STOP_WORDS.contains(w)) {
				tokens.add(s);
			}
			if (previous != null) {
				tokens.add(stem(previous + w));
			}
			previous = w;
		}
		return tokens;
	}

	static String normalize(String text) {
		String n = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replace("œ", "oe")
			.replace("æ", "ae");
		return n.replaceAll("[^a-z0-9]+", " ").trim();
	}

	private static String stem(String w) {
		if (w.length() > 3 && (w.endsWith("s") || w.endsWith("x"))) {
			return w.substring(0, w.length() - 1);
		}
		return w;
	}

}
