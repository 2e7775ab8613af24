-- Upgrades of stored records that follow a change of reference data (a training kind's method, say). They write
-- versions and events through the service, so they run at startup rather than here; a row marks one as done, so that
-- later starts need not search the completions again.
CREATE TABLE reference_data_upgrade (
    name         varchar(100) PRIMARY KEY,
    completed_at timestamptz  NOT NULL,
    -- completions amended by it
    amended      bigint       NOT NULL
);
