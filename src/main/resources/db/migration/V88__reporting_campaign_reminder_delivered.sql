-- « Relances envoyées » counts the reminders actually sent (issue 13 §3). A step is still claimed before anything is
-- sent (so it never goes twice), but a claimed step is not always sent: a run that catches up a missed day records the
-- farther steps as passed and sends only the nearest, and an account that is disabled or gone is not reached.
-- delivered says which claimed steps went out (mail or notice in the application).
alter table reporting_campaign_reminder add column delivered boolean not null default false;
-- Rows claimed before: a step was sent unless a nearer step of the same person and campaign was claimed the same day
-- (the catch-up); whether the account was still reachable then is not known, so it is counted as sent.
update reporting_campaign_reminder set delivered = true where not exists (
    select 1 from reporting_campaign_reminder nearer
    where nearer.campaign_id = reporting_campaign_reminder.campaign_id
      and nearer.account = reporting_campaign_reminder.account
      and nearer.days_before < reporting_campaign_reminder.days_before
      and cast(nearer.sent_at as date) = cast(reporting_campaign_reminder.sent_at as date));
