-- Monthly aggregates (issue 13 §1: the dashboard at a million tickets). The same counters as reporting_daily and
-- reporting_clock_daily summed by calendar month (stat_month: the month's first day), kept by the listeners in the
-- same transaction as the daily rows and rebuilt with them. A whole month reads ~7,000 rows here instead of
-- ~90,000 daily rows (59 collèges × 24 components × 5 sets of parties × 30 days at 1,000,000 tickets); a partial
-- month reads the daily rows of its days, or its monthly row minus the daily rows of the days it leaves out.
create table reporting_monthly (
    stat_month           date         not null,
    uai                  varchar(8)   not null,
    parties              varchar(200) not null,
    component            varchar(60)  not null,
    opened               int          not null default 0,
    closed               int          not null default 0,
    hand_backs           int          not null default 0,
    reopened             int          not null default 0,
    satisfaction_answers int          not null default 0,
    satisfaction_sum     int          not null default 0,
    primary key (stat_month, uai, parties, component)
);

create table reporting_clock_monthly (
    stat_month      date         not null,
    clock           varchar(30)  not null,
    uai             varchar(8)   not null,
    parties         varchar(200) not null,
    component       varchar(60)  not null,
    working_minutes int          not null,
    met             int          not null default 0,
    breached        int          not null default 0,
    primary key (stat_month, clock, uai, parties, component, working_minutes)
);

-- The months already counted day by day.
insert into reporting_monthly (stat_month, uai, parties, component, opened, closed, hand_backs, reopened,
    satisfaction_answers, satisfaction_sum)
select cast(date_trunc('month', stat_day) as date), uai, parties, component, sum(opened), sum(closed), sum(hand_backs),
    sum(reopened), sum(satisfaction_answers), sum(satisfaction_sum)
from reporting_daily group by cast(date_trunc('month', stat_day) as date), uai, parties, component;

insert into reporting_clock_monthly (stat_month, clock, uai, parties, component, working_minutes, met, breached)
select cast(date_trunc('month', stat_day) as date), clock, uai, parties, component, working_minutes, sum(met), sum(breached)
from reporting_clock_daily group by cast(date_trunc('month', stat_day) as date), clock, uai, parties, component, working_minutes;
