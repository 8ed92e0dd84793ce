-- The sign-in throttle's counters, shared by every instance and kept across restarts (they lived in memory, per
-- instance: N instances gave an attacker N times the attempts). One row per key: P the account and address pair,
-- I the address over any accounts (username ''), A the account over any addresses (address ''), K an address the
-- account signed in from successfully (exempt from the A lock; at most five per account, last_failure = when it
-- became known). Usernames are stored lower-case. A counter row whose last failure and lock are both older than
-- the longest lock is an old story and is deleted lazily.
create table directory_sign_in_counter (
    kind         char(1)      not null,
    username     varchar(200) not null,
    address      varchar(64)  not null,
    failures     integer      not null,
    locks        integer      not null,
    last_failure timestamp with time zone not null,
    locked_until timestamp with time zone not null,
    primary key (kind, username, address)
);
create index directory_sign_in_counter_stale on directory_sign_in_counter (last_failure);
