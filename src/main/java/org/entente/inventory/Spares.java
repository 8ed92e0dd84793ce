package org.entente.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Spare equipment (status SPARE): on site in an establishment, or in the Département's central stock (no UAI). */
@Service
public class Spares {

	private final JdbcClient jdbc;

	Spares(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public SpareAvailability availableFor(String uai, String componentCode) {
		int onSite = uai == null ? 0 : jdbc.sql("select count(*) from inv_asset where uai = ? and component = ? and status = 'SPARE'")
			.params(uai, componentCode).query(Integer.class).single();
		int central = jdbc.sql("select count(*) from inv_asset where uai is null and component = ? and status = 'SPARE'")
			.param(componentCode).query(Integer.class).single();
		return new SpareAvailability(uai, componentCode, onSite, central);
	}
}
