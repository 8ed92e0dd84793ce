package org.entente.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.TestAccounts.as;

import java.io.StringReader;
import java.net.InetAddress;
import java.util.List;

import org.entente.EntenteTest;
import org.entente.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The académie's addressing plan: CSV import (all or nothing), look-up of an address's establishment. */
@EntenteTest
class NetworkRangesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	NetworkRanges ranges;

	@Test
	void cidrsAreReadStrictly() throws Exception {
		NetworkRange.Parsed p = NetworkRange.parse("10.35.4.0/22");
		assertThat(p.contains(InetAddress.getByName("10.35.7.255"))).isTrue();
		assertThat(p.contains(InetAddress.getByName("10.35.8.0"))).isFalse();
		assertThat(NetworkRange.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
		assertThat(p.overlaps(NetworkRange.parse("10.35.5.0/24"))).isTrue();
		for (String bad : List.of("10.35.4.1/22", "10.35.4.0/33", "rennes.fr", "10.35.4/24", "", "10.35.4.0/x")) {
			assertThatThrownBy(() -> NetworkRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void theDemoPlanAttributesAddresses() throws Exception {
		assertThat(ranges.establishmentOf(InetAddress.getByName("10.35.2.40"))).hasValue("0359902Y");
		assertThat(ranges.establishmentOf(InetAddress.getByName("192.0.2.1"))).isEmpty();
	}

	@Test
	void aBadFileIsRefusedWholeWithEachLineNamed() {
		String csv = "uai;reseau;libelle\n0359901X;10.99.1.0/24;ok\n9999999Z;10.99.2.0/24;inconnu\n0359902Y;10.99.1.128/25;chevauche\n" + Uai.withCheckLetter(359903).value() + ";10.99.3.1/24;bits\n";
		var r = mvc.post().uri("/api/v1/establishments/network-ranges").contentType(MediaType.parseMediaType("text/csv"))
			.content(csv).with(as("admin")).exchange();
		assertThat(r).hasStatus(400);
		assertThat(r).bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("ligne 3.uai", "ligne 4.reseau", "ligne 5.reseau");
		assertThat(ranges.findAll()).noneMatch(x -> x.cidr().startsWith("10.99."));
		assertThat(mvc.post().uri("/api/v1/establishments/network-ranges").contentType(MediaType.parseMediaType("text/csv"))
			.content(csv).with(as("agent.cd")).exchange()).hasStatus(403);
	}

	@Test
	void anImportReplacesThePlan() throws Exception {
		List<NetworkRange> before = ranges.findAll();
		StringBuilder restore = new StringBuilder("uai;reseau;libelle\n");
		before.forEach(x -> restore.append(x.uai()).append(';').append(x.cidr()).append(';').append(x.label() == null ? "" : x.label()).append('\n'));
		try {
			var dry = mvc.post().uri("/api/v1/establishments/network-ranges?dryRun=true").contentType(MediaType.parseMediaType("text/csv"))
				.content("uai,reseau\n0359901X,10.98.0.0/16\n").with(as("admin")).exchange();
			assertThat(dry).hasStatusOk();
			assertThat(ranges.findAll()).isEqualTo(before);
			String plan = restore + "0359903A;10.98.0.0/16;ajout\n".replace("0359903A", Uai.withCheckLetter(359903).value());
			NetworkRanges.ImportResult done = ranges.importCsv(new StringReader(plan), false);
			assertThat(done.ranges()).isEqualTo(before.size() + 1);
			assertThat(ranges.establishmentOf(InetAddress.getByName("10.98.7.7"))).hasValue(Uai.withCheckLetter(359903).value());
		}
		finally {
			ranges.importCsv(new StringReader(restore.toString()), false);
		}
		assertThatThrownBy(() -> ranges.importCsv(new StringReader("nom;adresse\nx;y\n"), false)).isInstanceOf(ProblemException.class);
	}
}
