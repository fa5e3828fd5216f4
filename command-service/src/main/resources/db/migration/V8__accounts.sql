-- The secretariat keeps the accounts in the browser: it creates people, disables and enables them and resets a
-- password. An account's row changes only in those two columns; who changed which account, when, how and why is
-- kept beside it in account_change, which (like the event log) is only ever appended to.
GRANT UPDATE (enabled, password_hash) ON app_user TO "${writerRole}";

CREATE TABLE account_change (
    id         bigserial    PRIMARY KEY,
    changed_at timestamptz  NOT NULL DEFAULT now(),
    changed_by varchar(64)  NOT NULL,
    username   varchar(64)  NOT NULL REFERENCES app_user (username),
    change     varchar(16)  NOT NULL CHECK (change IN ('CREATED', 'DISABLED', 'ENABLED', 'PASSWORD_RESET')),
    reason     varchar(1000) NOT NULL CHECK (btrim(reason) <> ''),
    request_id varchar(200)
);

CREATE INDEX account_change_username ON account_change (username, id);

CREATE TRIGGER account_change_append_only
    BEFORE UPDATE OR DELETE ON account_change
    FOR EACH ROW EXECUTE FUNCTION refuse_event_log_change();

CREATE TRIGGER account_change_no_truncate
    BEFORE TRUNCATE ON account_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_log_change();

GRANT SELECT, INSERT ON account_change TO "${writerRole}";
GRANT USAGE ON SEQUENCE account_change_id_seq TO "${writerRole}";
