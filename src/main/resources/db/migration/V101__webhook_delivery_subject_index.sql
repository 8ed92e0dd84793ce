-- Erasing the tickets closed longer ago than the convention's TICKETS period deletes their deliveries by subject
-- (« ticket:ID ») across every endpoint: without this index each batch would read the whole table.
create index webhook_delivery_by_subject on webhook_delivery (subject);
