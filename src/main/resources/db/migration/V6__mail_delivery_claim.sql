-- A mail is claimed (committed) before it is sent and marked sent in a transaction of its own after the SMTP answer:
-- sent_at stays empty while the delivery is only claimed, claimed_until is the claim's lease (an instance that died
-- after claiming leaves a claim that another attempt takes over once it has expired), attempts counts the claims.
alter table mail_delivery alter column sent_at drop not null;
alter table mail_delivery add column claimed_until timestamp with time zone;
alter table mail_delivery add column attempts integer not null default 1;
