-- Whether a closed ticket's take-charge and restoration outcomes are indicative times (the Département, who
-- « intervient au plus tôt » with no figure: bindingFor in the convention file) rather than commitments: they are
-- counted apart (clock INDICATIVE_TAKE_CHARGE, INDICATIVE_RESTORATION in reporting_clock_daily).
alter table reporting_ticket add column indicative boolean not null default false;
