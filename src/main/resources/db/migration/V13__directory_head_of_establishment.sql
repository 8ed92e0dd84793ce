-- The head of an establishment (« chef·fe d'établissement », annexe opérationnelle §1, Politiques : « chaque chef
-- d'établissement en accuse réception ») : a collège account flagged by an administrator, with the function shown
-- beside the name (Principale, Principal adjoint…). Only a head acknowledges a policy version for the collège.
-- Portable PostgreSQL 15+ / H2 2.x.
alter table account add column head_of_establishment boolean default false not null;
alter table account add column head_function varchar(100);
-- The demo collège accounts of a database created before this migration (a new one gets them from DemoData).
update account set head_of_establishment = true, head_function = 'Principale' where demo = true and username = 'college';
update account set head_of_establishment = true, head_function = 'Principal' where demo = true and username = 'college2';
