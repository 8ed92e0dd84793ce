-- Exports asked from the journal's pages, so that their list (and the archives under entente.journal.directory/exports)
-- survive a restart. A row and its archive are removed together a day after the export was asked.
create table journal_export (
    id            varchar(36) primary key,
    username      varchar(100) not null,
    kind          varchar(20)  not null,
    from_at       timestamp with time zone not null,
    to_at         timestamp with time zone not null,
    establishment varchar(20),
    host          varchar(255),
    sender        varchar(255),
    searched_user varchar(255),
    text_query    varchar(500),
    address       varchar(255),
    purpose       varchar(500) not null,
    requisition   varchar(100),
    created_at    timestamp with time zone not null,
    state         varchar(10)  not null,
    -- WAITING, RUNNING, DONE, FAILED
    failure       varchar(1000),
    archive_bytes bigint,
    line_count    bigint,
    tree_size     bigint,
    lines_sha256  varchar(64),
    first_index   bigint,
    last_index    bigint
);
create index journal_export_owner on journal_export (username, created_at desc);
