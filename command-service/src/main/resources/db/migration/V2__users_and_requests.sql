-- The people who may sign in. Passwords are BCrypt hashes; an EDITOR is bound to one member,
-- a REVIEWER to one sector of 産官学金労言.
CREATE TABLE app_user (
    username          varchar(64)  NOT NULL PRIMARY KEY,
    password_hash     varchar(100) NOT NULL,
    role              varchar(16)  NOT NULL
        CHECK (role IN ('ADMIN', 'EDITOR', 'PREFECTURE', 'AUDITOR', 'REVIEWER')),
    municipality_code char(5),
    sector            varchar(16)
        CHECK (sector IN ('INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA')),
    display_name      varchar(200) NOT NULL DEFAULT '',
    enabled           boolean      NOT NULL DEFAULT true,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CHECK ((role = 'EDITOR') = (municipality_code IS NOT NULL)),
    CHECK ((role = 'REVIEWER') = (sector IS NOT NULL))
);

-- The key pair that signs bearer tokens, shared by every instance of the command service.
-- Only the public half is visible to the query service (see V3).
CREATE TABLE token_signing_key (
    key_id      varchar(64) NOT NULL PRIMARY KEY,
    public_key  bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE VIEW token_verification_key AS
SELECT key_id, public_key, created_at FROM token_signing_key;

-- Writes accepted under an Idempotency-Key, so a retried request returns the first answer and stores nothing.
-- The row is written in the same transaction as the events it answers for.
CREATE TABLE idempotent_request (
    username        varchar(64)  NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    char(64)     NOT NULL,
    response_status integer,
    response_body   text,
    response_etag   varchar(64),
    location        varchar(1000),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idempotency_key)
);
