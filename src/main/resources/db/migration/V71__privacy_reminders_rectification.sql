-- Reminders sent before a data-subject request's deadline, one per request and threshold (days before the due date),
-- so that a reminder is never sent twice, even across instances or when the deadline is extended.
create table privacy_request_reminder (
    request_id   bigint       not null references privacy_request (id),
    days_before  integer      not null,
    due_by       date         not null,
    sent_at      timestamp with time zone not null,
    primary key (request_id, days_before, due_by)
);
