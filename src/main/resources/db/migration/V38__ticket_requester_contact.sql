-- Where to find the person who reported (a phone number or a room, as they wrote it on « Signaler un problème »):
-- personal data of the requester, destroyed with the ticket's other personal data (the privacy module's purge sets it
-- to null); null when not given (API, mail, older tickets).
alter table ticket add column requester_contact varchar(200);
