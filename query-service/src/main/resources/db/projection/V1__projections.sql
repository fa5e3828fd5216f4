-- The read models, created by the query service's Flyway in two schemas: `query` (live) and `query_rebuild`
-- (the auditor's replay). Names are unqualified so the same script serves both.
--
-- Every table is append-only and keyed by the event a row comes from, (aggregate id, sequence number): a view as
-- of any instant is the latest row per key recorded at or before it (one index lookup per key), the revision
-- history is the rows themselves, and a replay writes exactly the same rows again (ON CONFLICT DO NOTHING).
-- (Not the global index: a tracking token names the highest index seen, which for an event committed late,
-- filling a gap, is not that event's own.)

-- Who, for which member, why, with which request: one row per event of the log.
CREATE TABLE event_origin (
    aggregate_id    text        NOT NULL,
    sequence_number bigint      NOT NULL,
    event_id        text        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    user_id         text        NOT NULL,
    role            text        NOT NULL,
    municipality    text,
    reason          text        NOT NULL,
    request_id      text        NOT NULL,
    PRIMARY KEY (aggregate_id, sequence_number)
);

CREATE TABLE project (
    project_id        text        PRIMARY KEY,
    sequence_number   bigint      NOT NULL,
    recorded_at       timestamptz NOT NULL,
    lead_municipality text        NOT NULL,
    participants      text[]      NOT NULL,
    name              text        NOT NULL,
    summary           text        NOT NULL,
    scope             text        NOT NULL,
    grant_program     text        NOT NULL,
    department        text        NOT NULL,
    first_fiscal_year integer     NOT NULL,
    last_fiscal_year  integer     NOT NULL
);
CREATE INDEX project_lead ON project (lead_municipality, project_id);
CREATE INDEX project_participants ON project USING gin (participants);

CREATE TABLE kpi (
    project_id           text        NOT NULL,
    sequence_number      bigint      NOT NULL,
    kpi_id               text        NOT NULL,
    recorded_at          timestamptz NOT NULL,
    name                 text        NOT NULL,
    unit                 text        NOT NULL,
    direction            text        NOT NULL,
    measure              text        NOT NULL,
    baseline             numeric,
    baseline_fiscal_year integer,
    final_target         numeric,
    PRIMARY KEY (project_id, sequence_number),
    UNIQUE (project_id, kpi_id)
);

CREATE TABLE kpi_target (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kpi_id          text        NOT NULL,
    fiscal_year     integer     NOT NULL,
    target          numeric     NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX kpi_target_revisions ON kpi_target (project_id, kpi_id, fiscal_year, sequence_number);

CREATE TABLE kpi_actual (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kpi_id          text        NOT NULL,
    fiscal_year     integer     NOT NULL,
    actual          numeric,
    status          text        NOT NULL,
    source          text        NOT NULL,
    note            text        NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX kpi_actual_revisions ON kpi_actual (project_id, kpi_id, fiscal_year, sequence_number);

CREATE TABLE project_cost (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    fiscal_year     integer     NOT NULL,
    total_cost      bigint      NOT NULL,
    grant_amount    bigint      NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX project_cost_revisions ON project_cost (project_id, fiscal_year, sequence_number);

CREATE TABLE evaluation (
    project_id        text        NOT NULL,
    sequence_number   bigint      NOT NULL,
    recorded_at       timestamptz NOT NULL,
    fiscal_year       integer     NOT NULL,
    effect            text        NOT NULL,
    policy            text        NOT NULL,
    rationale         text        NOT NULL,
    situation         text        NOT NULL,
    obstacles         text        NOT NULL,
    revisions         text        NOT NULL,
    shortfall_reasons jsonb       NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX evaluation_revisions ON evaluation (project_id, fiscal_year, sequence_number);

CREATE TABLE plan (
    plan_id           text        PRIMARY KEY,
    sequence_number   bigint      NOT NULL,
    recorded_at       timestamptz NOT NULL,
    name              text        NOT NULL,
    members           text[]      NOT NULL,
    first_fiscal_year integer     NOT NULL,
    last_fiscal_year  integer     NOT NULL
);

CREATE TABLE kgi (
    plan_id         text        NOT NULL,
    sequence_number bigint      NOT NULL,
    kgi_id          text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    name          text        NOT NULL,
    unit          text        NOT NULL,
    direction     text        NOT NULL,
    aggregation   text        NOT NULL,
    baseline      numeric     NOT NULL,
    baseline_year integer     NOT NULL,
    PRIMARY KEY (plan_id, sequence_number),
    UNIQUE (plan_id, kgi_id)
);

CREATE TABLE plan_target (
    plan_id         text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kgi_id          text        NOT NULL,
    year            integer     NOT NULL,
    target          numeric     NOT NULL,
    PRIMARY KEY (plan_id, sequence_number)
);
CREATE INDEX plan_target_revisions ON plan_target (plan_id, kgi_id, year, sequence_number);

CREATE TABLE kgi_figure (
    plan_id         text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kgi_id          text        NOT NULL,
    municipality    text        NOT NULL,
    year            integer     NOT NULL,
    value           numeric,
    status          text        NOT NULL,
    source          text        NOT NULL,
    PRIMARY KEY (plan_id, sequence_number)
);
CREATE INDEX kgi_figure_revisions ON kgi_figure (plan_id, kgi_id, municipality, year, sequence_number);
