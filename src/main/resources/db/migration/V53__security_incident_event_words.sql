-- An incident's history line kept as a message and its arguments too (common.StoredText, JSON), read in the reader's
-- language; text keeps the French written then (the API's and the exports' text).
alter table security_incident_event add column text_words varchar(10000);
