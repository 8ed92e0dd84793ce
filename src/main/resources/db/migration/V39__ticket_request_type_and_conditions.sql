-- A request type the convention names (serviceLevels.requestTypes: ENROLMENT, SPARE_ORDER), null for the others.
alter table ticket add column request_type varchar(30);
-- When the restoration conditions (spare, control of the failed element) last came to hold after opening, as the
-- responsible agent recorded them: the restoration commitment runs from then; null: from the opening.
alter table ticket add column restoration_from timestamp with time zone;
-- The spares view lists the open spare-order requests.
create index ix_ticket_request_type on ticket (request_type, status);
