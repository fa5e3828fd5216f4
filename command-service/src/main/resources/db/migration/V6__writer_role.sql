-- The command service connects as its own role, not as the owner that runs these migrations: it appends to the
-- event log and reads it, and keeps only its own small tables. It owns nothing, so it cannot change a stored
-- event, remove one, truncate the log, or alter or disable the table's triggers; it has no way into the query
-- service's schemas. Roles are cluster-wide, so an existing one is reused (its grants here are per database).
DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${writerRole}') THEN
        IF '${writerPassword}' = '' THEN
            EXECUTE format('CREATE ROLE %I LOGIN', '${writerRole}');
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${writerRole}', '${writerPassword}');
        END IF;
    END IF;
EXCEPTION
    -- another database of the same cluster created it at the same moment
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Nobody but the owner creates objects in public (already so from PostgreSQL 15 on).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${writerRole}";

-- the log: appended to (the global index from its sequence) and read, never changed
GRANT SELECT, INSERT ON domain_event_entry TO "${writerRole}";
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO "${writerRole}";
-- Axon's snapshots: read when an aggregate loads; a new one replaces the older ones
GRANT SELECT, INSERT, DELETE ON snapshot_event_entry TO "${writerRole}";
-- the people who sign in (created on start: the bootstrap admin, the demo users)
GRANT SELECT, INSERT ON app_user TO "${writerRole}";
-- a write's Idempotency-Key is claimed first and its answer filled in when the write commits
GRANT SELECT, INSERT, UPDATE ON idempotent_request TO "${writerRole}";
