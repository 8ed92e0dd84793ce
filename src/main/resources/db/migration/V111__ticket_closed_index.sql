-- The tickets' retention (TICKETS of the convention file: five years after closure) finds the closed tickets due by
-- their closing instant every day: an index instead of reading every closed ticket when none is due.
create index ix_ticket_closed on ticket (status, closed_at);
