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
 * How far each satisfaction campaign has got: who was invited, how many have answered, how many reminders went out
 * (those delivered: not the steps caught up without sending, nor those claimed for an account no longer reachable),
 * and by establishment. A count of answers is shown only from {@link Campaigns#MIN_GROUP} (« moins de 3 » below, zero
 * included), and establishments with fewer invitees than that are counted together: with one or two invitees,
 * comparing two visits of the results would tell whose answer arrived.
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

	/**
	 * An establishment's invitees and answers; {@code uai} is null for the establishments of fewer invitees than
	 * {@link Campaigns#MIN_GROUP}, counted together; {@code answered} is null below that many answers (see the class).
	 */
	record Participation(String uai, long invited, Long answered) {
	}

	List<Line> lines() {
		LocalDate today = LocalDate.now(clock.withZone(PARIS));
		Map<Long, Long> answered = counts("select campaign_id, count(*) from reporting_campaign_invitation where used group by campaign_id");
		Map<Long, Long> reminders = counts("select campaign_id, count(*) from reporting_campaign_reminder where delivered group by campaign_id");
		return campaigns.list().stream().map(c -> {
			long a = answered.getOrDefault(c.id(), 0L);
			String status = today.isBefore(c.opensOn()) ? "UPCOMING" : today.isAfter(c.closesOn()) ? "CLOSED" : "OPEN";
			return new Line(c, status, a, c.invited() == 0 ? 0 : (int) (100 * a / c.invited()), reminders.getOrDefault(c.id(), 0L));
		}).toList();
	}

	List<Participation> byEstablishment(long campaignId) {
		// Raw counts per UAI: {invited, answered}.
		Map<String, long[]> raw = new TreeMap<>();
		jdbc.sql("""
				select coalesce(uai, '-'), count(*), sum(case when used then 1 else 0 end) from reporting_campaign_invitation
				where campaign_id = ? group by coalesce(uai, '-')""")
			.param(campaignId)
			.query((java.sql.ResultSet rs) -> {
				raw.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		List<Participation> out = new java.util.ArrayList<>();
		long[] small = { 0, 0 };
		raw.forEach((uai, n) -> {
			if (n[0] >= Campaigns.MIN_GROUP) {
				out.add(participation(uai, n[0], n[1]));
			}
			else {
				small[0] += n[0];
				small[1] += n[1];
			}
		});
		if (small[0] > 0) {
			out.add(participation(null, small[0], small[1]));
		}
		return out;
	}

	private static Participation participation(String uai, long invited, long answered) {
		return new Participation(uai, invited, answered >= Campaigns.MIN_GROUP ? answered : null);
	}

	private Map<Long, Long> counts(String sql) {
		Map<Long, Long> out = new TreeMap<>();
		jdbc.sql(sql).query((java.sql.ResultSet rs) -> {
			out.put(rs.getLong(1), rs.getLong(2));
		});
		return out;
	}
}
