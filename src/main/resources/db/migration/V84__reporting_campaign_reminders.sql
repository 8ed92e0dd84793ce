-- Reminders to the invitees of a satisfaction campaign who have not answered yet, some days before it closes.
-- To remind them, an invitation now keeps the invited account (null for invitations made before this version,
-- which are never reminded). Answers stay anonymous: reporting_campaign_answer names no one and no column joins
-- an answer to its invitation; only whether an invitee has answered is known, and pages show it as counts.
alter table reporting_campaign_invitation add column account varchar(100);
create index reporting_campaign_invitation_account on reporting_campaign_invitation (campaign_id, account);

-- One row per campaign, invitee and reminder step (days before the closing date): a reminder is never sent twice,
-- even when two runs overlap.
create table reporting_campaign_reminder (
    campaign_id  bigint       not null references reporting_campaign (id),
    account      varchar(100) not null,
    days_before  integer      not null,
    sent_at      timestamp with time zone not null,
    primary key (campaign_id, account, days_before)
);
