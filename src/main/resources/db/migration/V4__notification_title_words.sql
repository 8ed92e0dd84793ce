-- A notice's title kept as a message and its arguments (common.StoredText, JSON), read in the reader's language;
-- title keeps the French written then (the text of notices posted before, and the fallback).
alter table in_app_notification add column title_words varchar(4000);
