-- Idempotency-Key (IETF httpapi draft) on API POSTs: the first result of each key, for 24 hours, per account.
create table web_idempotency_key (
    account      varchar(100) not null,
    idem_key     varchar(255) not null,
    request      varchar(600) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    content_type varchar(200),
    location     varchar(1000),
    etag         varchar(200),
    body         text         not null,
    created_at   timestamp with time zone not null,
    primary key (account, idem_key)
);
create index web_idempotency_key_created on web_idempotency_key (created_at);
