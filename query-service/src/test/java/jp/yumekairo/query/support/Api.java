package jp.yumekairo.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP as a client sees it: sign in at the command service, write there, read from the query service. */
public final class Api {

    public static final String PASSWORD = "yumekairo";
    public static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, parsed JSON body and headers. */
    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        public long version() {
            return body.path("version").asLong();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** The same client reading from another query-service instance. */
    public Api readingFrom(ServiceProcess query) {
        Api other = new Api(commandUrl, query.baseUrl());
        other.tokens.putAll(tokens);
        return other;
    }

    public String token(String user) {
        return tokens.computeIfAbsent(user, name -> {
            String basic = Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Response signedIn = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                    .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()));
            if (signedIn.status() != 200) {
                throw new IllegalStateException("sign-in of " + name + " failed: " + signedIn);
            }
            return signedIn.body().get("token").asText();
        });
    }

    /** A write to the command service; fails the test unless it succeeds. */
    public Response write(String user, String method, String path, Object body) {
        Response response = command(user, method, path, body);
        if (response.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    /** A write to the command service as it answered; headers as name, value pairs. */
    public Response command(String user, String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public String commandUrl() {
        return commandUrl;
    }

    public String queryUrl() {
        return queryUrl;
    }

    /** A read from the query service. */
    public Response read(String user, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return send(request.GET());
    }

    /** A read that must succeed. */
    public JsonNode get(String user, String pathAndQuery) {
        Response response = read(user, pathAndQuery);
        if (response.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** A file from the query service, as bytes; fails unless it is there. */
    public HttpResponse<byte[]> download(String user, String pathAndQuery) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                    .header("Authorization", "Bearer " + token(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String user, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .header("Authorization", "Bearer " + token(user)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static ObjectNode object(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
