package org.entente.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How far each satisfaction campaign has got: who was invited, how many have answered, how many reminders went out,
 * and by establishment. An establishment's count of answers is shown only when it is none or at least
 * {@link Campaigns#MIN_GROUP}: with one or two, comparing two visits of the results would tell whose answer arrived.
 */
@Service
class CampaignProgress {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;
	private final Campaigns campaigns;
	private final Clock clock;

	CampaignProgress(JdbcClient jdbc, Campaigns campaigns, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	/** A campaign in the list: its state on the day (UPCOMING, OPEN, CLOSED), its answers and reminders. */
	record Line(Campaigns.SatisfactionCampaign campaign, String status, long answered, int percent, long reminders) {
	}

	/** An establishment's invitees and answers; {@code answered} is null for one or two answers (see the class). */
	record Participation(String uai, long invited, Long answered) {
	}

	List<Line> lines() {
		LocalDate today = LocalDate.now(clock.withZone(PARIS));
		Map<Long, Long> answered = counts("select campaign_id, count(*) from reporting_campaign_invitation where used group by campaign_id");
		Map<Long, Long> reminders = counts("select campaign_id, count(*) from reporting_campaign_reminder group by campaign_id");
		return campaigns.list().stream().map(c -> {
			long a = answered.getOrDefault(c.id(), 0L);
			String status = today.isBefore(c.opensOn()) ? "UPCOMING" : today.isAfter(c.closesOn()) ? "CLOSED" : "OPEN";
			return new Line(c, status, a, c.invited() == 0 ? 0 : (int) (100 * a / c.invited()), reminders.getOrDefault(c.id(), 0L));
		}).toList();
	}

	List<Participation> byEstablishment(long campaignId) {
		return jdbc.sql("""
				select coalesce(uai, '-'), count(*), sum(case when used then 1 else 0 end) from reporting_campaign_invitation
				where campaign_id = ? group by coalesce(uai, '-') order by 1""")
			.param(campaignId)
			.query((rs, i) -> {
				long a = rs.getLong(3);
				return new Participation(rs.getString(1), rs.getLong(2), a == 0 || a >= Campaigns.MIN_GROUP ? a : null);
			})
			.list();
	}

	private Map<Long, Long> counts(String sql) {
		Map<Long, Long> out = new TreeMap<>();
		jdbc.sql(sql).query((java.sql.ResultSet rs) -> {
			out.put(rs.getLong(1), rs.getLong(2));
		});
		return out;
	}
}
