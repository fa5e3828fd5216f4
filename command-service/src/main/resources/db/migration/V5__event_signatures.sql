-- Every event is signed by the command service when it is appended (Ed25519, with a key kept outside the
-- database): the signature over the event's own stored fields and the id of the key that made it. A row
-- without a valid signature was not written by the service, and every verifier names it as forged.
ALTER TABLE domain_event_entry
    ADD COLUMN signature      bytea,
    ADD COLUMN signing_key_id varchar(64);
