package org.entente.reporting.internal;

import java.util.List;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the satisfaction campaigns: an invitation keeps the invited account only so that reminders reach
 * those who have not answered (answers name no one). When the person's retention ends, the invitation forgets the
 * account (it is then never reminded, as invitations made before V84) and the reminders sent to them are deleted.
 */
@Component
class CampaignPersonalData extends AnonymisedColumns {

	CampaignPersonalData(JdbcClient jdbc) {
		super(jdbc, "ACCOUNTS", List.of("reporting_campaign_invitation.account", "reporting_campaign_reminder.account"));
	}

	@Override
	public long destroy(DataSubject s) {
		long reminders = jdbc.sql("delete from reporting_campaign_reminder where account = ?").param(s.uid()).update();
		long invitations = jdbc.sql("update reporting_campaign_invitation set account = null where account = ?").param(s.uid()).update();
		return reminders + invitations;
	}
}
