-- The tamper-evident hash chain over the event log in global order (see ChainHash): one link per event, kept
-- by one instance at a time. The event's id and the digests of its payload and metadata are kept beside the
-- link so that the verifier can say what changed, not only where.
CREATE TABLE audit_chain (
    global_index     bigint PRIMARY KEY,
    event_identifier text   NOT NULL,
    payload_sha256   bytea  NOT NULL,
    metadata_sha256  bytea  NOT NULL,
    link             bytea  NOT NULL CHECK (octet_length(link) = 32)
);

-- Checkpoints (position + link) worth printing: at least every publication of a yearly report. Whoever holds a
-- checkpoint can check, without trusting this service, that the log up to it is still what it was.
CREATE TABLE audit_checkpoint (
    global_index   bigint      PRIMARY KEY REFERENCES audit_chain (global_index),
    link           bytea       NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('REPORT_PUBLISHED')),
    recorded_at    timestamptz NOT NULL,
    report_id      text,
    municipality   text,
    fiscal_year    integer,
    report_version integer
);
CREATE INDEX audit_checkpoint_report ON audit_checkpoint (municipality, fiscal_year, report_version);

-- The payload or metadata bytes of an event as JSON for the audit log's filters; null (rather than an error
-- that would hide the whole log from the auditor) when the bytes are not JSON any more.
CREATE FUNCTION event_json(content bytea) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
BEGIN
    RETURN convert_from(content, 'UTF8')::jsonb;
EXCEPTION
    WHEN others THEN RETURN NULL;
END
$$;
