package jp.yumekairo.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The answers given to writes sent with an {@code Idempotency-Key}, per user. Claiming a key inserts its row
 * in the caller's transaction; a concurrent retry with the same key waits for that transaction and then
 * finds the stored answer.
 */
@Repository
class IdempotentRequests {

    record Answer(String requestHash, int status, String body, String etag, String location) {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when this request now owns the key; otherwise the answer stored for it earlier. */
    Optional<Answer> claim(String username, String key, String requestHash) {
        int inserted = jdbc.update("""
                INSERT INTO idempotent_request (username, idempotency_key, request_hash)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", username, key, requestHash);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                SELECT request_hash, response_status, response_body, response_etag, location
                FROM idempotent_request WHERE username = ? AND idempotency_key = ?""",
                (rs, i) -> new Answer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                username, key));
    }

    void complete(String username, String key, Answer answer) {
        jdbc.update("""
                UPDATE idempotent_request SET response_status = ?, response_body = ?, response_etag = ?, location = ?
                WHERE username = ? AND idempotency_key = ?""",
                answer.status(), answer.body(), answer.etag(), answer.location(), username, key);
    }
}
