package jp.yumekairo.query.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jp.yumekairo.edge.RequestIds;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * This service's own query API, asked over loopback with the signed-in person's token, for the audit page (the
 * only page still reading over HTTP: the others read through the API's beans): the page then sees exactly what
 * the API lets that person see. Figures are read as BigDecimal, never double.
 */
@Component
public class SelfApi {

    /** The API's answer: status and its JSON as maps and lists (null when the body is empty or not JSON). */
    public record Read(int status, Map<String, Object> body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public String code() {
            return body == null ? "" : String.valueOf(body.getOrDefault("code", ""));
        }
    }

    /** A file the API answered: status, type, its Content-Disposition and the bytes, passed on unchanged. */
    public record Download(int status, String contentType, String disposition, byte[] body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .findAndRegisterModules();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Read get(HttpServletRequest request, SignedIn who, String pathAndQuery) {
        return send(request, who, HttpRequest.newBuilder(uri(request, pathAndQuery)).GET());
    }

    public Read post(HttpServletRequest request, SignedIn who, String pathAndQuery) {
        return send(request, who, HttpRequest.newBuilder(uri(request, pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A download (PDF, workbook) from the API as the signed-in person, for a page to hand on as it is. */
    public Download download(HttpServletRequest request, SignedIn who, String pathAndQuery) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(request, pathAndQuery)).GET()
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + who.token())
                    .header(RequestIds.HEADER, RequestIds.of(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(null), response.body());
        } catch (IOException unreadable) {
            return new Download(502, "", null, new byte[0]);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static URI uri(HttpServletRequest request, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + request.getLocalPort() + pathAndQuery);
    }

    @SuppressWarnings("unchecked")
    private Read send(HttpServletRequest request, SignedIn who, HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + who.token()).header("Accept", "application/json")
                    .header(RequestIds.HEADER, RequestIds.of(request)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = null;
            if (response.body() != null && response.body().startsWith("{")) {
                body = JSON.readValue(response.body(), Map.class);
            }
            return new Read(response.statusCode(), body);
        } catch (IOException unreadable) {
            return new Read(502, Map.of("code", "unreadable-answer"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
