-- The one-day restoration holds « lorsque le matériel de secours (spare) le permet et que l'Académie maîtrise les
-- éléments en défaut » (annexe §4): whether a spare was available (the inventory, for a named asset) and whether the
-- responsible party controls the failed element; null when unknown. Either false: no restoration clock, the
-- degraded-mode obligation instead.
alter table ticket add column spare_available boolean;
alter table ticket add column party_controls_element boolean;
