package org.entente.inventory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the inventory. An establishment's contact for a role (found by mail or by name, as typed in) is
 * deleted with its name, mail and phone: a departed person is no longer the one to call, and the role is simply
 * without a contact until the collège names another. Who created or changed an asset, a referential, a catalogue, a
 * purchase request or a software entry becomes {@link DataSubject#ANONYMOUS}: the history stays.
 */
@Component
class InventoryPersonalData extends AnonymisedColumns {

	static final List<String> CHANGED_BY = List.of("inv_asset.created_by", "inv_asset.updated_by", "inv_asset_change.changed_by",
			"inv_establishment_contact.updated_by", "inv_referentiel.published_by", "inv_catalogue.published_by",
			"inv_purchase_request.requested_by", "inv_purchase_request.decided_by", "inv_software.cd_agreement_by",
			"inv_software.updated_by", "inv_software_change.changed_by", "inventory_agent_report.sent_by");

	static final String CONTACT = "from inv_establishment_contact where lower(email) in (:addresses) or lower(name) in (:names)";

	InventoryPersonalData(JdbcClient jdbc) {
		super(jdbc, "INVENTORY_PEOPLE", CHANGED_BY);
	}

	@Override
	public List<String> columns() {
		List<String> all = new ArrayList<>(anonymised());
		all.addAll(List.of("inv_establishment_contact.name", "inv_establishment_contact.email", "inv_establishment_contact.phone"));
		return all;
	}

	@Override
	public long count(DataSubject s) {
		return super.count(s) + PersonalDataColumns.named(jdbc, "select count(*) " + CONTACT, s).query(Long.class).single();
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		List<Map<String, Object>> out = new ArrayList<>(PersonalDataColumns.named(jdbc,
				"select uai, role, name, email, phone " + CONTACT + " order by uai, role", s).query((rs, n) -> {
					Map<String, Object> m = new LinkedHashMap<>();
					m.put("kind", "establishmentContact");
					m.put("uai", rs.getString("uai").strip());
					m.put("role", rs.getString("role"));
					m.put("name", rs.getString("name"));
					m.put("email", rs.getString("email"));
					m.put("phone", rs.getString("phone"));
					return m;
				}).list());
		out.addAll(super.describe(s));
		return out;
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		PersonalDataColumns.named(jdbc, "delete " + CONTACT, s).update();
		super.destroy(s);
		return n;
	}
}
