-- Wakes the query service's processors the moment events are committed instead of at their next poll:
-- one notification per inserting statement, delivered by PostgreSQL on commit (LISTEN yumekairo_events).
CREATE FUNCTION notify_events_appended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('yumekairo_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();

-- The auditor's rebuild replays the log into this second copy of the projection tables while the live
-- ones keep serving; the query service's Flyway creates the same tables in both schemas.
CREATE SCHEMA IF NOT EXISTS query_rebuild AUTHORIZATION "${queryRole}";
