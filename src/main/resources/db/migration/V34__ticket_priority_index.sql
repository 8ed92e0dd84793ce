-- The agents' queues by priority (annexe §4): criticality, then priority class, then age (TicketQuery.orderBy).
-- In PostgreSQL an ascending btree keeps nulls last, as the order by asks: the queue reads the index in order.
create index ix_ticket_priority on ticket (criticality, priority_class, opened_at, id);
