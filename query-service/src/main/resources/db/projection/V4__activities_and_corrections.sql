-- ProjectCostRecorded revision 2: the 交付実績 may be unknown (null), never a false 0.
ALTER TABLE project_cost ALTER COLUMN grant_amount DROP NOT NULL;

-- EvaluationSubmitted / EvaluationRevised revision 2: 本事業の今後の方針の理由 beside 評価の理由. Rows of earlier
-- events have none, as their upcast events have none.
ALTER TABLE evaluation ADD COLUMN policy_rationale text NOT NULL DEFAULT '';

-- ProjectActivitiesRecorded: the 事業実績 of a fiscal year; a later row of the same year is a correction.
CREATE TABLE project_activities (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    fiscal_year     integer     NOT NULL,
    activities      text        NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX project_activities_revisions ON project_activities (project_id, fiscal_year, sequence_number);

-- ProjectDetailsCorrected: 名称, 概要, 所管課 and participants as corrected; the latest row as of an instant wins
-- over the registration's.
CREATE TABLE project_details (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    name            text        NOT NULL,
    summary         text        NOT NULL,
    department      text        NOT NULL,
    participants    text[]      NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX project_details_participants ON project_details USING gin (participants);

-- KpiRenamed: a KPI's corrected 名称; the latest row as of an instant wins over the definition's.
CREATE TABLE kpi_name (
    project_id      text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kpi_id          text        NOT NULL,
    name            text        NOT NULL,
    PRIMARY KEY (project_id, sequence_number)
);
CREATE INDEX kpi_name_revisions ON kpi_name (project_id, kpi_id, sequence_number);
