package org.entente.directory.internal;

import java.io.StringReader;

import org.entente.directory.DirectoryProperties;
import org.entente.directory.NetworkRanges;
import org.entente.directory.Uai;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: an addressing plan for the demo collèges (10.35.n.0/24), and the loopback for the first one so that a
 * local {@code logger} is attributed to a collège. Only when no plan has been imported.
 */
@Component
@Order(1)
class DemoNetworkRanges implements ApplicationRunner {

	private final DirectoryProperties properties;
	private final NetworkRanges ranges;

	DemoNetworkRanges(DirectoryProperties properties, NetworkRanges ranges) {
		this.properties = properties;
		this.ranges = ranges;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!properties.demo().enabled() || !ranges.findAll().isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder("uai;reseau;libelle\n");
		for (int i = 0; i < DemoData.COLLEGES.size(); i++) {
			String uai = Uai.withCheckLetter((Integer) DemoData.COLLEGES.get(i)[0]).value();
			csv.append(uai).append(";10.35.").append(i + 1).append(".0/24;réseau pédagogique (démo)\n");
		}
		csv.append(Uai.withCheckLetter((Integer) DemoData.COLLEGES.get(0)[0]).value()).append(";127.0.0.0/8;boucle locale (démo)\n");
		ranges.importCsv(new StringReader(csv.toString()), false);
	}
}
