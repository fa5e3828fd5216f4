-- The yearly reports (効果検証報告): each submission, reviewer comment, answer and publication as one row, keyed
-- like every projection row by its event (report id, sequence number). A published version's content is not
-- copied here: it is the member's projects as of the publication, read from the project tables.

CREATE TABLE report_submission (
    report_id       text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    municipality    text        NOT NULL,
    fiscal_year     integer     NOT NULL,
    submission      integer     NOT NULL,
    reason          text        NOT NULL,
    PRIMARY KEY (report_id, sequence_number)
);
CREATE INDEX report_submission_member ON report_submission (municipality, fiscal_year);

CREATE TABLE report_comment (
    report_id       text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    comment_id      text        NOT NULL,
    sector          text        NOT NULL,
    reviewer        text        NOT NULL,
    text            text        NOT NULL,
    project_id      text,
    kpi_id          text,
    PRIMARY KEY (report_id, sequence_number),
    UNIQUE (report_id, comment_id)
);

CREATE TABLE report_answer (
    report_id       text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    comment_id      text        NOT NULL,
    text            text        NOT NULL,
    PRIMARY KEY (report_id, sequence_number)
);

CREATE TABLE report_publication (
    report_id       text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    municipality    text        NOT NULL,
    fiscal_year     integer     NOT NULL,
    version         integer     NOT NULL,
    reason          text        NOT NULL,
    PRIMARY KEY (report_id, sequence_number),
    UNIQUE (report_id, version)
);
