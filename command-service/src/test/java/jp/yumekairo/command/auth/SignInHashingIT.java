package jp.yumekairo.command.auth;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static jp.yumekairo.command.support.Api.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password hashing has one slot here and a sign-in waits for it only briefly: a crowd of sign-ins at once is partly
 * answered 503 with Retry-After instead of queueing, and those refused count as no failure.
 */
@TestPropertySource(properties = {"yumekairo.security.hashing-slots=1", "yumekairo.security.hashing-wait=PT0.01S"})
class SignInHashingIT extends CommandServiceIT {

    @Value("${yumekairo.security.proxy-secret}")
    private String proxySecret;

    @Test
    void manySignInsAtOnce_someAre503WithRetryAfter_andThoseCountAsNoFailure() throws Exception {
        List<Response> answers = new ArrayList<>();
        ExecutorService crowd = Executors.newFixedThreadPool(4);
        try {
            // rounds of four at once: an attempt in flight holds one of the name's ten, so the rounds stay small
            for (int round = 0; round < 4; round++) {
                List<Future<Response>> inFlight = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String address = "198.51.100." + (round * 10 + i);
                    inFlight.add(crowd.submit(() -> signIn("hagi", "wrong", address)));
                }
                for (Future<Response> answer : inFlight) {
                    answers.add(answer.get());
                }
            }
        } finally {
            crowd.shutdownNow();
        }
        List<Response> busy = answers.stream().filter(answer -> answer.status() == 503).toList();
        long failed = answers.stream().filter(answer -> answer.status() == 401).count();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(401, 503));
        assertThat(busy).isNotEmpty();
        assertThat(busy.get(0).contentType()).startsWith("application/problem+json");
        assertThat(busy.get(0).json().get("code").asText()).isEqualTo("sign-in-busy");
        assertThat(busy.get(0).header("Retry-After")).isEqualTo("1");
        assertThat(failed).as("wrong passwords actually checked").isLessThan(10);
        // sixteen attempts, but only those checked count: hagi is not limited
        assertThat(signIn("hagi", DEMO_PASSWORD, "192.0.2.1").status()).isEqualTo(200);
    }

    private Response signIn(String user, String password, String address) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/auth/token"))
                .header("Authorization", "Basic " + basic)
                .header(SignInGate.CLIENT_ADDRESS, address)
                .header(SignInGate.PROXY_SECRET, proxySecret)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
