-- The query-service instances alive now, each heartbeating every few seconds, so that each can hold its
-- fair share of the processors' segments and leave the rest for the others to claim.
CREATE TABLE processor_instance (
    node_id   text        PRIMARY KEY,
    last_seen timestamptz NOT NULL
);
