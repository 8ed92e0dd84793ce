-- An asset's page lists the tickets that name it, newest first.
create index ix_ticket_asset on ticket (asset_id, id);
