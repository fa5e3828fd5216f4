-- A KGI's baseline year may come without a figure (新規雇用創出数: "—(平成26年)"), and a KGI's figure may be
-- published only for the partnership as a whole (圏域全体), reported by the secretariat.
ALTER TABLE kgi ALTER COLUMN baseline DROP NOT NULL;

CREATE TABLE partnership_figure (
    plan_id         text        NOT NULL,
    sequence_number bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL,
    kgi_id          text        NOT NULL,
    year            integer     NOT NULL,
    value           numeric,
    status          text        NOT NULL,
    source          text        NOT NULL,
    PRIMARY KEY (plan_id, sequence_number)
);
CREATE INDEX partnership_figure_revisions ON partnership_figure (plan_id, kgi_id, year, sequence_number);
