package org.entente.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook_endpoint and webhook_delivery tables. */
@Repository
class WebhookRepository {

	private static final String ENDPOINT = "select id, url, events, secret, owner, owner_party, establishment, allow_private, "
			+ "status, consecutive_failures, paused_reason, created_at, description from webhook_endpoint";

	private static final String DELIVERY = "select seq, id, endpoint_id, event_type, subject, payload, status, attempts, "
			+ "next_attempt, last_status, last_error, created_at, delivered_at from webhook_delivery";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Deletes the delivery log of erased tickets (subject {@code ticket:ID}): their payloads named the ticket. */
	int forgetSubjects(List<String> subjects) {
		return subjects.isEmpty() ? 0
				: jdbc.sql("delete from webhook_delivery where subject in (:subjects)").param("subjects", subjects).update();
	}

	long insert(String url, List<String> events, String secret, String owner, String ownerParty, String establishment,
			boolean allowPrivate, String description) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into webhook_endpoint (url, events, secret, owner, owner_party, establishment, allow_private, "
				+ "created_at, description) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(url, String.join(",", events), secret, owner, ownerParty, establishment, allowPrivate,
					Timestamp.from(Instant.now()), description)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Webhook> find(long id) {
		return jdbc.sql(ENDPOINT + " where id = ?").param(id).query(WebhookRepository::endpoint).optional();
	}

	List<Webhook> all() {
		return jdbc.sql(ENDPOINT + " order by id").query(WebhookRepository::endpoint).list();
	}

	/** The active endpoints that asked for this type (the scope is checked by the caller). */
	List<Webhook> subscribedTo(String type) {
		return jdbc.sql(ENDPOINT + " where status = 'ACTIVE' and (events = ? or events like ? or events like ? or events like ?)")
			.params(type, type + ",%", "%," + type, "%," + type + ",%")
			.query(WebhookRepository::endpoint)
			.list();
	}

	void setStatus(long id, String status, String reason) {
		jdbc.sql("update webhook_endpoint set status = ?, paused_reason = ?, consecutive_failures = case when ? = 'ACTIVE' "
				+ "then 0 else consecutive_failures end where id = ?")
			.params(status, reason, status, id)
			.update();
	}

	/** One row per event and endpoint: false when this event was already enqueued for it (a redelivered event). */
	boolean enqueue(long endpointId, String deliveryId, String eventKey, String type, String subject, Instant occurredAt,
			String payload) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc.sql("insert into webhook_delivery (id, endpoint_id, event_key, event_type, subject, occurred_at, payload, "
				+ "next_attempt, created_at) select ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from webhook_delivery "
				+ "where endpoint_id = ? and event_key = ?)")
			.params(deliveryId, endpointId, eventKey, type, subject, Timestamp.from(occurredAt), payload, now, now, endpointId,
					eventKey)
			.update() == 1;
	}

	/**
	 * The deliveries due now, at most one per endpoint and subject (the earliest event not yet delivered: in order
	 * per subject), on active endpoints, not leased by another dispatcher, enqueued at least {@code settle} ago (so
	 * that an earlier event whose listener ran concurrently is in the table before a later one is sent).
	 */
	List<Delivery> due(Instant now, Duration settle, int limit) {
		Timestamp at = Timestamp.from(now);
		return jdbc.sql(DELIVERY + " d where d.status = 'PENDING' and d.next_attempt <= ? and d.created_at <= ? "
				+ "and (d.lease_until is null or d.lease_until < ?) "
				+ "and exists (select 1 from webhook_endpoint e where e.id = d.endpoint_id and e.status = 'ACTIVE') "
				+ "and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id and p.subject = d.subject "
				+ "and p.status = 'PENDING' and (p.occurred_at < d.occurred_at or (p.occurred_at = d.occurred_at and p.seq < d.seq))) "
				+ "order by d.occurred_at, d.seq limit " + limit)
			.params(at, Timestamp.from(now.minus(settle)), at)
			.query(WebhookRepository::delivery)
			.list();
	}

	/** Takes the delivery for one attempt; false when another dispatcher has it. */
	boolean lease(long seq, Instant now, Instant until) {
		return jdbc.sql("update webhook_delivery set lease_until = ? where seq = ? and status = 'PENDING' "
				+ "and (lease_until is null or lease_until < ?)")
			.params(Timestamp.from(until), seq, Timestamp.from(now))
			.update() == 1;
	}

	void delivered(long seq, int status, long endpointId) {
		jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status = ?, last_error = null, "
				+ "delivered_at = ?, lease_until = null where seq = ?")
			.params(status, Timestamp.from(Instant.now()), seq)
			.update();
		jdbc.sql("update webhook_endpoint set consecutive_failures = 0 where id = ?").param(endpointId).update();
	}

	/** A failed attempt; returns the endpoint's consecutive failures. */
	int failed(long seq, Integer status, String error, Instant next, long endpointId) {
		jdbc.sql("update webhook_delivery set attempts = attempts + 1, last_status = ?, last_error = ?, next_attempt = ?, "
				+ "lease_until = null where seq = ?")
			.params(status, error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(next), seq)
			.update();
		jdbc.sql("update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = ?").param(endpointId).update();
		return jdbc.sql("select consecutive_failures from webhook_endpoint where id = ?").param(endpointId).query(Integer.class).single();
	}

	/** A resumed endpoint's deliveries are due again now. */
	void retryNow(long endpointId) {
		jdbc.sql("update webhook_delivery set next_attempt = ? where endpoint_id = ? and status = 'PENDING'")
			.params(Timestamp.from(Instant.now()), endpointId)
			.update();
	}

	List<Delivery> deliveries(long endpointId, int limit) {
		return jdbc.sql(DELIVERY + " where endpoint_id = ? order by seq desc limit " + limit)
			.param(endpointId)
			.query(WebhookRepository::delivery)
			.list();
	}

	private static Webhook endpoint(ResultSet rs, int row) throws SQLException {
		return new Webhook(rs.getLong("id"), rs.getString("url"), Arrays.asList(rs.getString("events").split(",")),
				rs.getString("secret"), rs.getString("owner"), rs.getString("owner_party"), rs.getString("establishment"),
				rs.getBoolean("allow_private"), rs.getString("status"), rs.getInt("consecutive_failures"),
				rs.getString("paused_reason"), rs.getTimestamp("created_at").toInstant(), rs.getString("description"));
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		int status = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : status;
		return new Delivery(rs.getLong("seq"), rs.getString("id"), rs.getLong("endpoint_id"), rs.getString("event_type"),
				rs.getString("subject"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt").toInstant(), lastStatus, rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
	}
}
