package jp.yumekairo.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jp.yumekairo.edge.RequestIds;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The command service as the web UI reaches it, server-side: sign-in ({@code POST /api/auth/token}) and every write,
 * sent with the signed-in person's token, so the command service's rules and its audit metadata apply to the UI
 * exactly as to any other client. One {@link RestClient}; an answer of any status is handed on as it is.
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

    /** The browser's address, for the command service's sign-in limits (believed only with {@link #PROXY_SECRET}). */
    static final String CLIENT_ADDRESS = "X-Yumekairo-Client-Address";
    static final String PROXY_SECRET = "X-Yumekairo-Proxy-Secret";

    private final URI base;
    private final String proxySecret;
    private final RestClient http;
    private final ObjectMapper json;

    CommandService(UiProperties properties, RestClient.Builder http, ObjectMapper json) {
        this.base = properties.commandServiceUrl();
        this.proxySecret = properties.signInProxySecret();
        this.http = http.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(ClientHttpRequestFactorySettings.defaults()
                        .withConnectTimeout(Duration.ofSeconds(5)).withReadTimeout(Duration.ofSeconds(30))))
                .build();
        this.json = json;
    }

    /**
     * Exchanges a user name and password for the command service's token; refused credentials throw, and so does a
     * sign-in the command service limits ({@link SignInLimited}). {@code browserAddress} (may be null) is named to the
     * command service, with the shared secret, when one is configured.
     */
    SignedIn signIn(String user, String password, String browserAddress) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Answer answer;
        try {
            RestClient.RequestBodySpec request = http.post().uri(base.resolve("/api/auth/token"))
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic);
            if (proxySecret != null && browserAddress != null) {
                request.header(PROXY_SECRET, proxySecret).header(CLIENT_ADDRESS, browserAddress);
            }
            answer = request.accept(MediaType.APPLICATION_JSON).exchange((sent, response) ->
                    new Answer(response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (ResourceAccessException unreachable) {
            throw new AuthenticationServiceException("the command service at " + base + " does not answer", unreachable);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new BadCredentialsException("user name or password not accepted");
        }
        if (answer.status() == 429) {
            throw new SignInLimited();
        }
        if (answer.status() != 200) {
            throw new AuthenticationServiceException("the command service answered " + answer.status());
        }
        try {
            JsonNode token = json.readTree(answer.body());
            return new SignedIn(token.path("username").asText(user), token.path("role").asText(),
                    text(token.path("municipality")), text(token.path("sector")), token.path("token").asText(),
                    Instant.parse(token.path("expiresAt").asText()));
        } catch (IOException | RuntimeException unreadable) {
            throw new AuthenticationServiceException("the command service's token answer is unreadable", unreadable);
        }
    }

    /** Sends a write as the signed-in person; {@code ifMatch} (the version the page showed) may be null. */
    public Outcome send(SignedIn who, String method, String path, Object body, Long ifMatch, String requestId) {
        byte[] content;
        try {
            content = json.writeValueAsBytes(body);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("a write's body that is not JSON", unwritable);
        }
        RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(base.resolve(path))
                .contentType(MediaType.APPLICATION_JSON).body(content);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, "\"" + ifMatch + "\"");
        }
        return outcome(who, request, requestId);
    }

    /** Reads from the command service as the signed-in person (what only it keeps, e.g. the accounts). */
    public Outcome fetch(SignedIn who, String path, String requestId) {
        return outcome(who, http.get().uri(base.resolve(path)), requestId);
    }

    /** Sends a file as the signed-in person, as the bytes it is ({@code application/octet-stream}), e.g. a CSV import. */
    public Outcome sendFile(SignedIn who, String path, byte[] content, String requestId) {
        return outcome(who, http.post().uri(base.resolve(path)).contentType(MediaType.APPLICATION_OCTET_STREAM).body(content),
                requestId);
    }

    /** Whatever the status, the command service's answer; one that does not come (or is not JSON) is a 503. */
    private Outcome outcome(SignedIn who, RestClient.RequestHeadersSpec<?> request, String requestId) {
        try {
            return request.headers(headers -> headers.setBearerAuth(who.token()))
                    .header(RequestIds.HEADER, requestId).accept(MediaType.APPLICATION_JSON)
                    .exchange((sent, response) -> {
                        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        return new Outcome(response.getStatusCode().value(),
                                body.isBlank() ? NullNode.getInstance() : json.readTree(body));
                    });
        } catch (ResourceAccessException unreachable) {
            return new Outcome(503, json.createObjectNode().put("code", "command-service-unreachable")
                    .put("detail", "the command service does not answer"));
        }
    }

    /** The command service refused the attempt unchecked: too many failed sign-ins for the name or the address. */
    static final class SignInLimited extends AuthenticationException {
        SignInLimited() {
            super("too many failed sign-ins; try again later");
        }
    }

    /** A status and the bytes of the body, read before the response closes. */
    private record Answer(int status, byte[] body) {
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
