-- A meeting's pack (article 4): the PDF assembled by the module reporting for this meeting, from what Entente knows,
-- kept with the meeting so that its page, the API and the convocation give the same file. One per meeting: a pack
-- generated again replaces the previous one. since_meeting_on is the day of the committee's previous recorded meeting
-- the period starts from (null when none was recorded: the period is then one cadence).
create table gov_meeting_pack (
    meeting_id       bigint       primary key references gov_meeting (id) on delete cascade,
    period_from      date         not null,
    period_to        date         not null,
    since_meeting_on date,
    content          bytea        not null,
    generated_at     timestamp with time zone not null
);
