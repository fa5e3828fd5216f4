package jp.yumekairo.command.web;

/** The same Idempotency-Key was sent again with a different request: 422, nothing stored. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
