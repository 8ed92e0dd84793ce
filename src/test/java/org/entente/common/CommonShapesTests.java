package org.entente.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
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
}
