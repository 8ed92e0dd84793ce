-- The class of data lost or unreachable: a code of the convention file's criticalData / nonCriticalData
-- (ADMINISTRATIVE, PEDAGOGICAL_GROUP, INDIVIDUAL), null when none or unsaid. data_involved stays: critical data
-- are concerned (the data-restore clock runs).
alter table ticket add column data_concerned varchar(30);
