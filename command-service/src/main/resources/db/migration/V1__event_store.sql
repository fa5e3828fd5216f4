-- The event store of Axon's JDBC storage engine. Payload and metadata are Jackson JSON in bytea.
-- The global index comes from its own sequence so every instance of the command service draws from one order.
CREATE SEQUENCE domain_event_entry_global_index_seq;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL DEFAULT nextval('domain_event_entry_global_index_seq') PRIMARY KEY,
    event_identifier     varchar(255) NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number)
);

ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;

-- Axon's timestamps are ISO-8601 UTC with exactly three fraction digits, so text order is time order.
CREATE INDEX domain_event_entry_time_stamp_idx ON domain_event_entry (time_stamp);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    time_stamp           varchar(255) NOT NULL,
    payload_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload              bytea        NOT NULL,
    meta_data            bytea,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Nothing stored in the log is ever changed or removed, whoever asks: the database itself refuses.
CREATE FUNCTION refuse_event_log_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_log_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_log_change();

REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM PUBLIC;
