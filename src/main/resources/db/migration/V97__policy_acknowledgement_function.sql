-- Who acknowledged a version for a collège is its head (« chef·fe d'établissement », V13 of the directory): the
-- function the head held then (Principale, Principal adjoint…) is kept beside the account, which gives the name.
alter table policy_acknowledgement add column acknowledged_function varchar(100);
