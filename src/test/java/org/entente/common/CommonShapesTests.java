package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;

class CommonShapesTests {

	@Test
	void csvIsForFrenchSpreadsheetsAndNeutralisesFormulas() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter w = CsvWriter.to(out, List.of("nom", "valeur"))) {
			w.row(List.of("=HYPERLINK(\"http://x\")", "@SUM(A1)"));
			w.row(Arrays.asList("Collège « Les Rochers »; 2e", null));
			w.row(List.of("-1", "+33 2 99"));
		}
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text.split("\r\n")).containsExactly("nom;valeur", "\"'=HYPERLINK(\"\"http://x\"\")\";'@SUM(A1)",
				"\"Collège « Les Rochers »; 2e\";", "'-1;'+33 2 99");
	}

	@Test
	void ifMatchIsRequiredAndReadTheSameEverywhere() {
		assertThat(IfMatch.version("\"3\"", "GET x")).isEqualTo(3);
		assertThat(IfMatch.version("W/\"12\"", "GET x")).isEqualTo(12);
		assertThatThrownBy(() -> IfMatch.version(null, "GET /api/v1/assets/{id}"))
			.isInstanceOfSatisfying(ProblemException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
				assertThat(e.getMessage()).contains("GET /api/v1/assets/{id}");
			});
		assertThatThrownBy(() -> IfMatch.version("\"abc\"", "GET x"))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
	}

	@Test
	void problemsNameTheirFieldsInOneShape() {
		ProblemException e = ProblemException.invalid(List.of(new FieldProblem("title", "obligatoire"),
				new FieldProblem("items[2].name", "100 caractères au plus"))).with("line", 4);
		assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(e.type().toString()).isEqualTo("urn:entente:problem:invalid-input");
		assertThat(e.getMessage()).isEqualTo("2 champ(s) invalide(s) : title : obligatoire ; items[2].name : 100 caractères au plus");
		assertThat(e.messageFor("title")).isEqualTo("obligatoire");
		assertThat(e.messageFor("other")).isNull();
		assertThat(e.properties()).containsEntry("line", 4);
		ProblemException p = ProblemException.invalidParameter("size", "La taille de page va de 1 à 100.");
		assertThat(p.parameter()).isEqualTo("size");
		assertThat(p.errors()).containsExactly(new FieldProblem("size", "La taille de page va de 1 à 100."));
	}

	@Test
	void pagesAreCheckedAndKnowWhetherMoreFollows() {
		PageSlice<Integer> s = PageSlice.ofOneMore(List.of(1, 2, 3), 0, 2);
		assertThat(s.items()).containsExactly(1, 2);
		assertThat(s.hasNext()).isTrue();
		assertThat(PageSlice.ofOneMore(List.of(1, 2), 0, 2).hasNext()).isFalse();
		PageSlice<String> c = PageSlice.counted(List.of("a"), 2, 10, 25_000, 10_000).map(String::toUpperCase);
		assertThat(c.total()).isEqualTo(10_000L);
		assertThat(c.totalCapped()).isTrue();
		assertThat(c.items()).containsExactly("A");
		assertThatThrownBy(() -> PageSlice.check(200_000, 10, 100)).isInstanceOfSatisfying(ProblemException.class,
				e -> assertThat(e.parameter()).isEqualTo("page"));
		assertThatThrownBy(() -> PageSlice.check(0, 0, 100)).isInstanceOfSatisfying(ProblemException.class,
				e -> assertThat(e.parameter()).isEqualTo("size"));
	}

	/** A stored text is a wording's persisted form: kept and read back, it says what the wording says, in each language. */
	@Test
	void aWordingAndItsStoredFormTellTheSameSentence() {
		StaticMessageSource m = new StaticMessageSource();
		m.addMessage("t.refused", Locale.FRENCH, "Refusé : {0} ; {1} ; {2}");
		m.addMessage("t.refused", Locale.ENGLISH, "Refused: {0}; {1}; {2}");
		m.addMessage("t.allowed", Locale.FRENCH, "{0} ({1})");
		m.addMessage("t.allowed", Locale.ENGLISH, "{0} [{1}]");
		m.addMessage("label.Shade.DARK", Locale.ENGLISH, "dark");
		Wording w = Wording.of("t.refused", Shade.DARK,
				List.of(Wording.of("t.allowed", "A", Shade.LIGHT), Wording.of("t.allowed", "B", Wording.label(Shade.DARK))), "1234");
		assertThat(w.in(m, Locale.FRENCH)).isEqualTo("Refusé : DARK ; A (LIGHT), B (DARK) ; 1234");
		assertThat(w.in(m, Locale.ENGLISH)).isEqualTo("Refused: dark; A [LIGHT], B [dark]; 1234");
		StoredTexts texts = new StoredTexts(m);
		StoredText kept = StoredText.parse(StoredText.of(w).json());
		assertThat(kept).isEqualTo(StoredText.of(w));
		assertThat(texts.french(kept)).isEqualTo(w.in(m, Locale.FRENCH));
		assertThat(texts.render(kept, Locale.ENGLISH)).isEqualTo(w.in(m, Locale.ENGLISH));
		assertThat(texts.shown("stocké", kept.json(), Locale.ENGLISH)).isEqualTo(w.in(m, Locale.ENGLISH));
		assertThat(texts.shown("stocké", kept.json(), Locale.FRENCH)).isEqualTo("stocké");
		// A message a later release no longer has: an error when rendering, the stored French when shown.
		assertThatThrownBy(() -> texts.render(StoredText.message("t.gone", "x"), Locale.ENGLISH))
			.isInstanceOf(IllegalStateException.class).hasMessage("no message t.gone");
		assertThat(texts.shown("stocké", StoredText.message("t.gone").json(), Locale.ENGLISH)).isEqualTo("stocké");
	}

	/** No {@code label()}: its French is its name (a labelled enum here would be asked its English by LabelCoverageTests). */
	enum Shade {
		DARK, LIGHT
	}
}
