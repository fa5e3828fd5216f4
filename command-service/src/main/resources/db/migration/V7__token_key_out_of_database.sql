-- The bearer tokens' key pair now lives in a key file given by configuration (TOKEN_SIGNING_KEY, its public key
-- beside it as <name>.pub.pem for the query service), like the event signing key: the database holds no private key.
-- Numbered 7: V6 is the command service's writer role, which still grants on the table dropped here.
DROP VIEW IF EXISTS token_verification_key;
DROP TABLE IF EXISTS token_signing_key;
