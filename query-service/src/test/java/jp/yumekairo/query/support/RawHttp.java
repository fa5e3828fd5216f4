package jp.yumekairo.query.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for requests no HTTP client library will send: invalid UTF-8 in the request line, for example.
 * One request per connection ({@code Connection: close}); the answer is read to the end.
 */
public final class RawHttp {

    /** The status, the Content-Type and the body of the answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code GET <target>} where the target may hold any bytes, with the given bearer token. */
    public static Answer get(String baseUrl, byte[] target, String token) {
        URI base = URI.create(baseUrl);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes((" HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toByteArray());
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headersEnd);
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, answer.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers of an answer, and its body. */
    public record Exchange(int status, String head, String body) {
    }

    /**
     * Sends {@code GET <path>} with exactly the headers given (each {@code Name: value}), the Host header among them:
     * for a Host or a header value a client library refuses to send.
     */
    public static Exchange exchange(String baseUrl, String path, String... headers) {
        URI base = URI.create(baseUrl);
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headersEnd);
            return new Exchange(Integer.parseInt(head.substring(9, 12)), head, answer.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
