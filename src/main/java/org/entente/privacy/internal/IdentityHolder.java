package org.entente.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Privacy's own data on a person: the identity itself (destroyed last, after every other holder), the UID in the
 * log of who read identities and in the data-subject requests (anonymised: the record of the read or the request
 * stays, without the person).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentityHolder implements PersonalDataHolder {

	static final String ANONYMOUS = DataSubject.ANONYMOUS;

	private final JdbcClient jdbc;

	IdentityHolder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String category() {
		return RetentionPolicy.IDENTITIES;
	}

	@Override
	public List<String> columns() {
		return List.of("privacy_identity.uid", "privacy_identity.last_name", "privacy_identity.first_name",
				"privacy_identity_staging.uid", "privacy_identity_staging.last_name", "privacy_identity_staging.first_name",
				"privacy_access.target_uid", "privacy_request.subject_uid");
	}

	@Override
	public long count(DataSubject s) {
		return jdbc.sql("select count(*) from privacy_identity where uid = ?").param(s.uid()).query(Long.class).single();
	}

	@Override
	public List<Map<String, Object>> describe(DataSubject s) {
		return jdbc.sql("""
				select uid, guuid, last_name, first_name, civility, birth_date, status, job_function, uai, class_name, department,
				  departed_on, destroy_by from privacy_identity where uid = ?""")
			.param(s.uid())
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				for (String c : List.of("uid", "guuid", "last_name", "first_name", "civility", "birth_date", "status",
						"job_function", "uai", "class_name", "department", "departed_on", "destroy_by")) {
					Object v = rs.getObject(c);
					m.put(c, v == null ? null : v.toString());
				}
				return m;
			})
			.list();
	}

	@Override
	public long destroy(DataSubject s) {
		jdbc.sql("update privacy_access set target_uid = ? where target_uid = ?").params(ANONYMOUS, s.uid()).update();
		jdbc.sql("update privacy_access set detail = replace(detail, ?, ?) where detail like ?")
			.params(s.uid(), ANONYMOUS, "%" + s.uid() + "%").update();
		jdbc.sql("update privacy_request set subject_uid = ? where subject_uid = ?").params(ANONYMOUS, s.uid()).update();
		jdbc.sql("delete from privacy_identity_staging where uid = ?").param(s.uid()).update();
		return jdbc.sql("delete from privacy_identity where uid = ?").param(s.uid()).update();
	}
}
