-- Where each event processor's segments stand in the log, and which instance holds them (Axon's JdbcTokenStore).
-- Several query-service instances share the work by claiming segments here.
CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    PRIMARY KEY (processor_name, segment)
);

-- The auditor's projection rebuilds: one row per run, so every instance can report progress.
CREATE TABLE rebuild_run (
    run_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requested_by    text        NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    state           text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    head_index      bigint      NOT NULL,
    total_events    bigint      NOT NULL,
    replayed_events bigint      NOT NULL DEFAULT 0,
    -- moved on by the running rebuild; a RUNNING run whose heartbeat stopped died with its instance
    heartbeat_at    timestamptz NOT NULL DEFAULT now(),
    result          jsonb
);

-- At most one rebuild runs at a time, whichever instance started it.
CREATE UNIQUE INDEX rebuild_run_one_running ON rebuild_run ((true)) WHERE state = 'RUNNING';
