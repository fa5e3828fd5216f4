-- The query service connects as its own role: it reads the event log and the token verification key,
-- and owns only the schema of its projections. Roles are cluster-wide, so an existing one is reused.
DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${queryRole}') THEN
        IF '${queryPassword}' = '' THEN
            EXECUTE format('CREATE ROLE %I LOGIN', '${queryRole}');
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', '${queryRole}', '${queryPassword}');
        END IF;
    END IF;
EXCEPTION
    -- another database of the same cluster created it at the same moment
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO "${queryRole}";
GRANT SELECT ON domain_event_entry, token_verification_key TO "${queryRole}";
CREATE SCHEMA IF NOT EXISTS query AUTHORIZATION "${queryRole}";
