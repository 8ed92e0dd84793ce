package org.entente.helpdesk.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Seeds a PostgreSQL schema (already migrated by the application) with N tickets in bulk, spread over the demo
 * collèges, statuses, criticalities, parties and clock states, for the filtered-list benchmark. Not a test. Usage:
 * {@code TicketSeeder jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench postgres 1000000}.
 */
public final class TicketSeeder {

	public static void main(String[] args) throws Exception {
		String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench";
		if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost")) {
			throw new IllegalArgumentException("loopback PostgreSQL only");
		}
		String user = args.length > 1 ? args[1] : "postgres";
		int target = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
		try (Connection c = DriverManager.getConnection(url, user, "")) {
			c.setAutoCommit(false);
			long existing;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from ticket")) {
				rs.next();
				existing = rs.getLong(1);
			}
			int batch = 100_000;
			long start = System.nanoTime();
			for (long done = existing; done < target; done += batch) {
				int n = (int) Math.min(batch, target - done);
				try (Statement s = c.createStatement()) {
					long before = maxId(s);
					s.executeUpdate(insert(n));
					// The parties' index table, as the application keeps it (TicketRepository.insertParties).
					s.executeUpdate("""
							insert into ticket_party (ticket_id, party, status)
							select t.id, p, t.status from ticket t
							  cross join lateral unnest(string_to_array(trim(both ',' from t.parties), ',')) p
							where t.id > %d""".formatted(before));
				}
				c.commit();
				System.out.printf("%d tickets (%.0f s)%n", done + n, (System.nanoTime() - start) / 1e9);
			}
			c.commit();
			// Statistics for the planner, and the trigram index's pending entries merged, as autovacuum would.
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				s.execute("vacuum analyze ticket");
				s.execute("vacuum analyze ticket_party");
			}
		}
	}

	private static long maxId(Statement s) throws java.sql.SQLException {
		try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from ticket")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** One set-based insert of n tickets; the numbers get a random suffix so that reruns never collide. */
	static String insert(int n) {
		return """
				insert into ticket (number, kind, establishment, requester, title, description, component, intervention,
				  criticality, priority_class, data_involved, status, level, parties, to_arbitrate, routing_explanation,
				  routing_clause, convention_version, sla_state, opened_at, updated_at, version, request_type)
				select 'S-' || substr(md5(random()::text), 1, 10) || '-' || g,
				  case when g %% 3 = 0 then 'REQUEST' else 'INCIDENT' end,
				  (array['0359901X','0359902Y','0359903Z','0359904A','0359905B','0359906C','0359907D','0359908E','0359909F','0359910G'])[1 + g %% 10],
				  'college', 'Ticket de volume ' || g || (array[' imprimante', ' vidéoprojecteur', ' internet', ' wifi', ' ENT'])[1 + g %% 5],
				  'Description du ticket de volume ' || g,
				  (array['IMPRESSION_PEDAGOGIQUE','VIDEOPROJECTEURS','ADDUCTION_INTERNET','BORNES_WIFI','TOUTATICE_PORTAIL'])[1 + g %% 5],
				  'REPAIR',
				  case when g %% 5 in (2, 3) and g %% 3 <> 0 then 'CRITICAL' else 'NON_CRITICAL' end,
				  case when g %% 5 in (2, 3) and g %% 3 <> 0 then null else 1 end,
				  false,
				  -- mostly old, closed tickets; a few percent still open, as in a real desk after some years
				  case when g %% 50 = 0 then 'NEW' when g %% 50 = 1 then 'TAKEN_IN_CHARGE' when g %% 50 = 2 then 'IN_PROGRESS'
				       when g %% 50 = 3 then 'WAITING' when g %% 50 = 4 then 'RESOLVED' else 'CLOSED' end,
				  1 + g %% 2,
				  (array[',EPLE,', ',CD,EPLE,', ',CD,', ',CD,', ',ACA,'])[1 + g %% 5],
				  g %% 5 = 1, 'Routage de volume', 'Annexe opérationnelle §3', '1',
				  case when g %% 97 = 0 then 'BREACHED' when g %% 89 = 0 then 'AT_RISK' else 'OK' end,
				  now() - (g %% 1000) * interval '1 day', now(), 0,
				  -- one ticket in 201 an enrolment, one in 213 a spare order (serviceLevels.requestTypes; both requests)
				  case when g %% 201 = 0 then 'ENROLMENT' when g %% 213 = 0 then 'SPARE_ORDER' end
				from generate_series(1, %d) g""".formatted(n).replace("%%", "%");
	}
}
