-- Checkpoints are signed by the query service's checkpoint key (kept outside the database) when they are
-- recorded: position, link and the time of signing, as a Certificate Transparency signed tree head. Besides one
-- at every report publication, one is recorded on a schedule at the chain's head. Witnesses keep copies of them
-- outside the database; a checkpoint recorded before signing existed has no signature and is not witnessed.
ALTER TABLE audit_checkpoint
    ADD COLUMN signed_at      text,
    ADD COLUMN signature      bytea,
    ADD COLUMN signing_key_id text,
    DROP CONSTRAINT audit_checkpoint_kind_check,
    ADD CONSTRAINT audit_checkpoint_kind_check CHECK (kind IN ('REPORT_PUBLISHED', 'SCHEDULED'));
