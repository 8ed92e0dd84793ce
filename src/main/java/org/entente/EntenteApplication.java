package org.entente;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entente: the IT maintenance and assistance desk of a Département–Académie service convention. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EntenteApplication {

	public static void main(String[] args) {
		SpringApplication.run(EntenteApplication.class, args);
	}
}
