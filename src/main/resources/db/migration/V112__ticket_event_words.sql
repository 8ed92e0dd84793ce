-- A history line's text kept as a message and its arguments (common.StoredText, JSON), read in the reader's
-- language; detail keeps the French written then (the text of rows written before, and the fallback).
alter table ticket_event add column detail_words varchar(10000);
