package org.entente;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entente: the IT maintenance and assistance desk of a Département–Académie service convention. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EntenteApplication {

	public static void main(String[] args) {
		if (org.entente.journal.JournalCommand.handles(args)) {
			// java -jar entente.jar journal verify export.zip: a standalone check, before (and without) Spring
			System.exit(org.entente.journal.JournalCommand.run(args, System.out));
		}
		SpringApplication.run(EntenteApplication.class, args);
	}
}
