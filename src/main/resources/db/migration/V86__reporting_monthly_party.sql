-- The monthly counters by parties and one dimension at a time (issue 13 §1): what the unfiltered dashboard and the
-- one filtered by party show (totals by parties, by establishment, by component; never their cross product).
-- A school year unfiltered summed 106,000 monthly rows into 7,080 keys (413 ms at a load of 17, explain analyze);
-- here it sums ~6,000 rows. Filters by establishment or component read reporting_monthly. Kept and rebuilt with it.
create table reporting_monthly_party (
    stat_month           date         not null,
    parties              varchar(200) not null,
    dimension            varchar(12)  not null,
    dim_value            varchar(60)  not null,
    opened               int          not null default 0,
    closed               int          not null default 0,
    hand_backs           int          not null default 0,
    reopened             int          not null default 0,
    satisfaction_answers int          not null default 0,
    satisfaction_sum     int          not null default 0,
    primary key (stat_month, parties, dimension, dim_value)
);

-- The service-level histograms by month, clock and parties (no establishment or component).
create table reporting_clock_monthly_party (
    stat_month      date         not null,
    clock           varchar(30)  not null,
    parties         varchar(200) not null,
    working_minutes int          not null,
    met             int          not null default 0,
    breached        int          not null default 0,
    primary key (stat_month, clock, parties, working_minutes)
);

insert into reporting_monthly_party (stat_month, parties, dimension, dim_value, opened, closed, hand_backs, reopened,
    satisfaction_answers, satisfaction_sum)
select stat_month, parties, 'UAI', uai, sum(opened), sum(closed), sum(hand_backs), sum(reopened),
    sum(satisfaction_answers), sum(satisfaction_sum)
from reporting_monthly group by stat_month, parties, uai;

insert into reporting_monthly_party (stat_month, parties, dimension, dim_value, opened, closed, hand_backs, reopened,
    satisfaction_answers, satisfaction_sum)
select stat_month, parties, 'COMPONENT', component, sum(opened), sum(closed), sum(hand_backs), sum(reopened),
    sum(satisfaction_answers), sum(satisfaction_sum)
from reporting_monthly group by stat_month, parties, component;

insert into reporting_clock_monthly_party (stat_month, clock, parties, working_minutes, met, breached)
select stat_month, clock, parties, working_minutes, sum(met), sum(breached)
from reporting_clock_monthly group by stat_month, clock, parties, working_minutes;
