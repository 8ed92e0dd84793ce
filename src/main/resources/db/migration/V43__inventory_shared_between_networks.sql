-- A device (a printer) used from both the administrative and the pedagogical networks: the convention gives it to
-- the Département (annexe §3, « Périphériques d'impression », both notes); the desk routes its tickets so.
alter table inv_asset add column shared_between_networks boolean not null default false;
