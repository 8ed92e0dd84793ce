-- The committee decision that settles an arbitrated policy change (governance's gov_decision, by id, and the page
-- that shows it): the change becomes ADOPTED or REJECTED from governance's decision, not from a typed reference.
alter table policy_change add column decision_id bigint;
alter table policy_change add column decision_link varchar(300);
