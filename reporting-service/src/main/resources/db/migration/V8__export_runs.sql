-- Scheduled exports: one row per run that wrote its file, so a restarted service knows whether the latest fire time of
-- each schedule has been served (a missed run runs once on start) and a second instance does not serve it again.
CREATE TABLE export_run (
    schedule    text        NOT NULL,
    fire_time   timestamptz NOT NULL,
    file        text        NOT NULL,
    rows        bigint      NOT NULL,
    sha256      text        NOT NULL,
    finished_at timestamptz NOT NULL,
    PRIMARY KEY (schedule, fire_time)
);
