-- Arbitration of a policy change at the strategic committee (annexe opérationnelle §1, « Évolution des politiques » :
-- « en cas de désaccord, […] un arbitrage sera recherché avec la mobilisation des décideur·euses des deux
-- organisations », tranché en comité, article 4). A decision may now point at a policy change, with its outcome.
-- Portable PostgreSQL 15+ / H2 2.x.
alter table gov_decision add column outcome varchar(10);
alter table gov_decision drop constraint ck_gov_decision_target;
alter table gov_decision add constraint ck_gov_decision_target check (target_type is null
    or target_type in ('CONVENTION_VERSION', 'ROUTING_PARAMETER', 'SOFTWARE_CATALOGUE_ENTRY', 'POLICY_CHANGE'));
alter table gov_decision add constraint ck_gov_decision_outcome check (outcome is null or outcome in ('ADOPTED', 'REJECTED'));

-- A policy change escalated to arbitration (event policy.PolicyChangeEscalated): on the agenda of the next planned
-- strategic committee meeting (meeting_id), or pending while none is planned; decision_id once the committee decided.
create table gov_arbitration (
    change_id         bigint        primary key,
    title             varchar(200)  not null,
    component         varchar(60),
    proposed_by_party varchar(10)   not null,
    escalated_at      timestamp with time zone not null,
    meeting_id        bigint        references gov_meeting (id) on delete set null,
    decision_id       bigint        references gov_decision (id) on delete set null
);
create index ix_gov_arbitration_meeting on gov_arbitration (meeting_id);
