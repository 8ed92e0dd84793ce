package org.entente.inventory.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * What an inventory agent sent that Entente does not inventory (an unknown item type, an SNMP device of another
 * kind): kept, with who sent it and when, so that nothing an agent reports is silently dropped.
 */
@Repository
class AgentReports {

	/** The kept content is cut beyond this many characters (the body itself is capped at 10 Mio). */
	static final int MAX_CONTENT = 64 * 1024;

	record Report(long id, Instant receivedAt, String uai, String itemtype, String deviceId, String sentBy, String content) {
	}

	private final JdbcClient jdbc;

	AgentReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long record(String uai, String itemtype, String deviceId, JsonNode content, String by, Instant at) {
		String text = content.toString();
		if (text.length() > MAX_CONTENT) {
			text = text.substring(0, MAX_CONTENT);
		}
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into inventory_agent_report (received_at, uai, itemtype, device_id, sent_by, content) values (?, ?, ?, ?, ?, ?)")
			.params(java.sql.Timestamp.from(at), uai, GlpiAgentIntake.truncate(itemtype, 60), GlpiAgentIntake.truncate(deviceId, 200), by, text)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The newest reports first, of one establishment or of all (uai null). */
	List<Report> latest(String uai, int limit) {
		return jdbc.sql("select id, received_at, uai, itemtype, device_id, sent_by, content from inventory_agent_report"
				+ " where (cast(? as varchar) is null or uai = ?) order by id desc limit ?")
			.params(uai, uai, limit)
			.query((rs, n) -> new Report(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}
}
