package jp.yumekairo.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jp.yumekairo.edge.RequestIds;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The command service as the web UI reaches it, server-side: sign-in ({@code POST /api/auth/token}) and every write,
 * sent with the signed-in person's token, so the command service's rules and its audit metadata apply to the UI
 * exactly as to any other client.
 */
@Component
public class CommandService {

    /** The command service's answer: its status and body (the write's version, or its problem details). */
    public record Outcome(int status, JsonNode body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public long version() {
            return body.path("version").asLong();
        }

        public String code() {
            return body.path("code").asText("");
        }

        public String detail() {
            return body.path("detail").asText("");
        }

        /** The fields Bean Validation refused ({@code errors[].field}). */
        public List<String> invalidFields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final ObjectMapper json;

    CommandService(UiProperties properties, ObjectMapper json) {
        this.base = properties.commandServiceUrl();
        this.json = json;
    }

    /** Exchanges a user name and password for the command service's token; refused credentials throw. */
    SignedIn signIn(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/token")).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new AuthenticationServiceException("the command service at " + base + " does not answer", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("interrupted", interrupted);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new BadCredentialsException("user name or password not accepted");
        }
        if (response.statusCode() != 200) {
            throw new AuthenticationServiceException("the command service answered " + response.statusCode());
        }
        try {
            JsonNode token = json.readTree(response.body());
            return new SignedIn(token.path("username").asText(user), token.path("role").asText(),
                    text(token.path("municipality")), text(token.path("sector")), token.path("token").asText(),
                    Instant.parse(token.path("expiresAt").asText()));
        } catch (IOException | RuntimeException unreadable) {
            throw new AuthenticationServiceException("the command service's token answer is unreadable", unreadable);
        }
    }

    /** Sends a write as the signed-in person; {@code ifMatch} (the version the page showed) may be null. */
    public Outcome send(SignedIn who, String method, String path, Object body, Long ifMatch, String requestId) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + who.token())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header(RequestIds.HEADER, requestId)
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (ifMatch != null) {
                request.header("If-Match", "\"" + ifMatch + "\"");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? NullNode.getInstance() : json.readTree(response.body());
            return new Outcome(response.statusCode(), answer);
        } catch (IOException unreachable) {
            return new Outcome(503, json.createObjectNode().put("code", "command-service-unreachable")
                    .put("detail", "the command service does not answer"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Sends a file as the signed-in person, as the bytes it is ({@code application/octet-stream}), e.g. a CSV import. */
    public Outcome sendFile(SignedIn who, String path, byte[] content, String requestId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + who.token())
                    .header("Content-Type", "application/octet-stream")
                    .header("Accept", "application/json")
                    .header(RequestIds.HEADER, requestId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = response.body().isBlank() ? NullNode.getInstance() : json.readTree(response.body());
            return new Outcome(response.statusCode(), answer);
        } catch (IOException unreachable) {
            return new Outcome(503, json.createObjectNode().put("code", "command-service-unreachable")
                    .put("detail", "the command service does not answer"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
