package jp.yumekairo.command.support;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** A small HTTP client for the command service, as a script or a browser would call it. */
public final class Api {

    public static final String DEMO_PASSWORD = "yumekairo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A bearer token for a demo user, signed in once per user. */
    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            Response response = signIn(u, DEMO_PASSWORD);
            if (response.status() != 200) {
                throw new AssertionError("sign-in of " + u + " failed: " + response);
            }
            return response.json().get("token").asText();
        });
    }

    public Response signIn(String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String user, String path, String body, String... headers) {
        return write("POST", user, path, body, headers);
    }

    public Response put(String user, String path, String body, String... headers) {
        return write("PUT", user, path, body, headers);
    }

    /** A write as {@code user} (null for no token); headers as name, value pairs. */
    public Response write(String method, String user, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            return wrap(http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response wrap(HttpResponse<String> response) {
        return new Response(response.statusCode(), response);
    }

    public String base() {
        return base;
    }
}
