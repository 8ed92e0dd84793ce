-- An incident's default title and its decision's explanation kept as a message and its arguments
-- (common.StoredText, JSON), read in the reader's language; title and explanation keep the French written then.
alter table security_incident add column title_words varchar(4000);
alter table security_incident add column explanation_words varchar(10000);
