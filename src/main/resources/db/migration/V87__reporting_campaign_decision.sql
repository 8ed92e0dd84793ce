-- A satisfaction campaign is linked to the strategic committee's decision that ordered it (issue 13 §3): the id of a
-- decision recorded in governance (checked through its public API, never its tables; no foreign key across modules).
-- Campaigns created before keep only their text in decision (decision_id null); newer ones keep there the decision as
-- it read when the campaign was launched (committee, day, text), for the mails and the exports.
alter table reporting_campaign add column decision_id bigint;
