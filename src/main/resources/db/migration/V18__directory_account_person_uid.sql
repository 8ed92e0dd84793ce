-- The Toutatice UID of the person an account created by single sign-on belongs to (the provider's uid claim), so
-- that privacy's purge finds the account when neither its login nor its OpenID Connect subject is that UID.
alter table account add column person_uid varchar(100);
create index ix_account_person_uid on account (person_uid);
