-- Whether the device (a printer) is used from both the administrative and the pedagogical networks; null when
-- nobody said. Routing passes it to the convention's conditions (annexe §3, « Périphériques d'impression »).
alter table ticket add column shared_between_networks boolean;
