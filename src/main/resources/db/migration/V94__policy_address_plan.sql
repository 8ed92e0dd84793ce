-- Les versions du plan d'adressage académique (annexe opérationnelle §1, Cadres de référence) : l'annuaire tient le plan
-- (establishment_network_range) ; le registre garde chaque changement et sa communication au Département, « à chaque
-- changement impactant les collèges d'Ille-et-Vilaine ». Portable PostgreSQL 15+ / H2 2.x.
create table policy_address_plan_version (
    number          integer       not null primary key,
    ranges          integer       not null,
    added           integer       not null,
    removed         integer       not null,
    establishments  varchar(4000) not null,
    changed_at      timestamp with time zone not null,
    communicated_at timestamp with time zone,
    communicated_to integer       not null
);
