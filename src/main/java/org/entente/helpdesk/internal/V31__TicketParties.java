package org.entente.helpdesk.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * One row per responsible party of a ticket, with the ticket's status, so that a queue such as « new tickets of the
 * ACA » is read straight from an index instead of filtering a text column over every ticket of that status. A Java
 * migration because filling it from the existing « ,CD,ACA, » column needs a split that SQL does not write portably.
 */
@Component
class V31__TicketParties extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			s.execute("""
					create table ticket_party (
					    ticket_id bigint      not null references ticket (id),
					    party     varchar(20) not null,
					    status    varchar(20) not null,
					    primary key (ticket_id, party)
					)""");
			// Newest first per party (a queue), and per party and status (« new tickets of the ACA »).
			s.execute("create index ix_ticket_party_recent on ticket_party (party, ticket_id)");
			s.execute("create index ix_ticket_party on ticket_party (party, status, ticket_id)");
		}
		// Few distinct combinations of parties exist: one set-based insert per party of each.
		List<String> combinations = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct parties from ticket")) {
			while (rs.next()) {
				combinations.add(rs.getString(1));
			}
		}
		try (PreparedStatement insert = c.prepareStatement(
				"insert into ticket_party (ticket_id, party, status) select id, ?, status from ticket where parties = ?")) {
			for (String combination : combinations) {
				for (String party : Ticket.partiesOf(combination)) {
					insert.setString(1, party);
					insert.setString(2, combination);
					insert.executeUpdate();
				}
			}
		}
	}
}
