package jp.yumekairo.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.web.IdempotentRequests.Answer;
import jp.yumekairo.command.web.WriteRefusals.DuplicateAggregate;
import jp.yumekairo.command.web.WriteRefusals.InvalidHeader;
import jp.yumekairo.command.web.WriteRefusals.UnknownAggregate;
import jp.yumekairo.edge.RequestIds;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sends a controller's command with the person, reason and request id as metadata, and answers with the
 * aggregate's new version (body and {@code ETag}). Under an {@code Idempotency-Key} the answer is stored in
 * the same transaction as the events, so a retry gets the first answer and stores nothing new. A command refused
 * because its aggregate was behind the log (appended to by another instance meanwhile) is tried once more.
 */
@Component
public class CommandDispatcher {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final IdempotentRequests idempotentRequests;
    private final ObjectMapper json;

    CommandDispatcher(CommandGateway gateway, TransactionTemplate transaction, IdempotentRequests idempotentRequests,
                      ObjectMapper json) {
        this.gateway = gateway;
        this.transaction = transaction;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
    }

    public ResponseEntity<String> send(HttpServletRequest request, Actor actor, Write write) {
        try {
            return attempt(request, actor, write);
        } catch (ConcurrencyException behindTheLog) {
            // another instance (or request) appended first: the cached aggregate was dropped, read it afresh once
            return attempt(request, actor, write);
        }
    }

    private ResponseEntity<String> attempt(HttpServletRequest request, Actor actor, Write write) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return toResponse(execute(request, actor, write), false);
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw new InvalidHeader("invalid-idempotency-key",
                    "Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID");
        }
        String hash = hash(request, write);
        return transaction.execute(status -> {
            Optional<Answer> earlier = idempotentRequests.claim(actor.userId(), key, hash);
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw new IdempotencyKeyReused();
                }
                return toResponse(earlier.get(), true);
            }
            Answer answer = execute(request, actor, write);
            idempotentRequests.complete(actor.userId(), key, answer);
            return toResponse(answer, false);
        });
    }

    private Answer execute(HttpServletRequest request, Actor actor, Write write) {
        var message = GenericCommandMessage.asCommandMessage(write.command())
                .andMetaData(CommandMetaData.of(actor, write.reason(), RequestIds.of(request)));
        Object result;
        try {
            result = gateway.sendAndWait(message);
        } catch (AggregateNotFoundException notFound) {
            throw new UnknownAggregate(write.kind(), write.aggregateId());
        } catch (AggregateStreamCreationException duplicate) {
            throw new DuplicateAggregate(write.kind(), write.aggregateId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(write.kind() + "Id", write.aggregateId());
        long version;
        if (write.creates()) {
            version = 1;
        } else if (result instanceof Handled handled) {
            version = Versions.visible(handled.aggregateVersion());
        } else {
            version = Versions.visible(((Number) result).longValue());
        }
        body.put("version", version);
        if (result instanceof Handled handled) {
            body.putAll(handled.answer());
        }
        try {
            return new Answer(null, write.creates() ? 201 : 200, json.writeValueAsString(body),
                    Versions.etag(version), write.creates() ? write.createdAt().toString() : null);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ResponseEntity<String> toResponse(Answer answer, boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setETag(answer.etag());
        if (answer.location() != null) {
            headers.set(HttpHeaders.LOCATION, answer.location());
        }
        if (replayed) {
            headers.set("Idempotent-Replayed", "true");
        }
        return new ResponseEntity<>(answer.body(), headers, HttpStatus.valueOf(answer.status()));
    }

    private String hash(HttpServletRequest request, Write write) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(write.request()));
            sha.update(("\n" + write.reason()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
