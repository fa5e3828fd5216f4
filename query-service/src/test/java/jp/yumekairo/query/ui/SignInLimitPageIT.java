package jp.yumekairo.query.ui;

import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page, once the command service limits a name after ten failures: the eleventh attempt, even with the
 * right password, stays on the page with a Japanese message. Services of its own: the limit it reaches would
 * otherwise pause the other tests' sign-ins from this machine.
 */
class SignInLimitPageIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static Services services;
    private static String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        services = Services.start(SignInLimitPageIT.class, 1);
        base = services.query().baseUrl();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void afterTenWrongPasswords_theRightOneIsRefused_withAJapaneseMessage() {
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("hagi", "wrong").headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
        }

        HttpResponse<String> limited = signIn("hagi", Api.PASSWORD);

        assertThat(limited.headers().firstValue("Location").orElseThrow()).endsWith("/signin?limited");
        String page = get("/signin?limited").body();
        assertThat(page).contains("サインインの失敗が続いたため、しばらくサインインできません");
        assertThat(page).doesNotContain("sign-in-limited").doesNotContain("429");
        assertThat(get("/dashboard").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> signIn(String user, String password) {
        Matcher token = CSRF.matcher(get("/signin").body());
        assertThat(token.find()).isTrue();
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        return send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
