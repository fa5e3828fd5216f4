package jp.yumekairo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The services as a client sees them: sign in and write at the command service, read from the query service. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "yumekairo";
    /** Tokens live 30 minutes; a full run takes longer, so sign in again well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(20);

    /** A response: its status and parsed body ({@code null} when empty or not JSON). */
    record Reply(int status, JsonNode body) {

        long version() {
            return body == null ? -1 : body.path("version").asLong(-1);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private record Token(String value, Instant until) {
    }

    // HTTP/1.1 as browsers and curl speak to Tomcat here; the default (HTTP/2) would add an upgrade attempt per connection.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Http(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    String queryUrl() {
        return queryUrl;
    }

    String token(String user) {
        Token token = tokens.get(user);
        if (token == null || Instant.now().isAfter(token.until())) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Reply signedIn = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                    .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()));
            // the service hashes a few passwords at a time and asks the rest to come back (503 sign-in-busy)
            for (int retry = 0; retry < 20 && signedIn.status() == 503; retry++) {
                pause(Duration.ofMillis(250));
                signedIn = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                        .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()));
            }
            if (signedIn.status() != 200) {
                throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn);
            }
            token = new Token(signedIn.body().get("token").asText(), Instant.now().plus(TOKEN_REUSE));
            tokens.put(user, token);
        }
        return token.value();
    }

    /** A command; {@code requestId} (may be null) becomes the events' request id. */
    Reply command(String user, String method, String path, Object body, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return send(request);
    }

    /** A raw JSON text as a command's body (a number no Java type would write, such as {@code 1e10000000}). */
    Reply commandText(String user, String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file to the command service (a CSV import). */
    Reply upload(String user, String path, byte[] file, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** A fresh sign-in (BCrypt on the service), never a reused token: its status. */
    int signInStatus(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody())).status();
    }

    /** A command that must succeed. */
    Reply write(String user, String method, String path, Object body, String requestId) {
        Reply reply = command(user, method, path, body, requestId);
        if (!reply.ok()) {
            throw new IllegalStateException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    /** A POST without a body to the query service (the auditor's rebuild). */
    Reply queryPost(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path)).header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A read from the query service, body parsed. */
    Reply read(String user, String pathAndQuery) {
        return send(readRequest(user, pathAndQuery));
    }

    /** A read whose body is received in full and thrown away: the load generator's call. */
    int readStatus(String user, String pathAndQuery) {
        try {
            return client.send(readRequest(user, pathAndQuery).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same read sent without waiting for its answer: the open-loop load's call. */
    CompletableFuture<Integer> readStatusAsync(String user, String pathAndQuery) {
        return client.sendAsync(readRequest(user, pathAndQuery).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private HttpRequest.Builder readRequest(String user, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (!response.body().isEmpty()) {
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    body = JSON.getNodeFactory().textNode(response.body());
                }
            }
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in", interrupted);
        }
    }
}
