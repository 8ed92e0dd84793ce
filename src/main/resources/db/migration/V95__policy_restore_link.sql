-- Le lien entre un ticket de restauration du guichet (horloge « Restauration complète des données utilisateurs sur les
-- espaces partagés », annexe §4) et la sauvegarde qui doit permettre la restauration : le dernier rapport réussi de
-- l'établissement pour la classe de données, et la conformité à l'ouverture du ticket. Portable PostgreSQL 15+ / H2 2.x.
create table policy_restore_link (
    ticket_id        bigint        not null primary key,
    ticket_number    varchar(40)   not null,
    uai              varchar(8)    not null,
    data_class       varchar(20)   not null,
    backup_report_id bigint        references policy_backup_report (id),
    compliant        boolean       not null,
    reasons          varchar(4000) not null,
    linked_at        timestamp with time zone not null
);

create index ix_policy_restore_link on policy_restore_link (uai, linked_at);
