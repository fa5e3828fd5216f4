package jp.yumekairo.query.ui;

import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.RawHttp;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the web UI against every role: who gets it, who gets 403, and that nobody signed in is sent to the
 * sign-in page; the editors' forms of another member are refused before anything reaches the command service;
 * every page carries the Content-Security-Policy; the API keeps wanting its bearer token.
 */
class PageAuthorizationIT {

    private static final List<String> PAGES = List.of("/", "/dashboard", "/members/35202", "/members/35216",
            "/projects/sanyo-onoda-glass-branding/history", "/reports", "/reports/35213/2024", "/audit",
            "/members/35202/import", "/reports/35213/2024.pdf?version=1", "/reports/35213/2024.xlsx",
            "/members/35202/import/2024.xlsx", "/members/35202/projects/new", "/members/35216/projects/new",
            "/projects/sanyo-onoda-glass-branding/edit",
            "/audit?plan=yume-kairo-2&kgi=settled-population&year=2020&figure=total", "/plan", "/accounts",
            "/audit/export.csv?municipality=35213", "/audit/export.ndjson?fiscalYear=R6",
            "/reports/published/2024.zip");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static Services services;
    private static String base;

    @BeforeAll
    static void start() {
        services = Services.demo();
        base = services.query().baseUrl();
    }

    /** A browser without JavaScript: a cookie jar and the forms' CSRF token. */
    private static final class Session {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(key).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        String csrf(String page) {
            Matcher token = CSRF.matcher(get(page).body());
            assertThat(token.find()).as("a CSRF token on " + page).isTrue();
            return token.group(1);
        }

        /** The session cookie as a request header, for a raw request in this session. */
        String cookie() {
            return "Cookie: " + ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                    .stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; "));
        }

        static Session signedIn(String user) {
            Session session = new Session();
            HttpResponse<String> signIn = session.post("/signin", Map.of("username", user, "password", Api.PASSWORD,
                    "_csrf", session.csrf("/signin")));
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).as(user + " signed in").endsWith("/");
            return session;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyPage_byRole_isShownRefusedOrSentToSignIn() {
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // "/" answers with a redirect to the role's home page
        // registration and correction: only the member's own editor
        // then a dashboard figure's 根拠をたどる (the audit page filtered to its events), auditors and admin only;
        // the plan and the accounts: the secretariat only; the log's exports: auditors and admin
        expected.put("prefecture", List.of(302, 200, 200, 200, 200, 200, 200, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200));
        expected.put("ube", List.of(302, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 200));
        expected.put("reviewer-academia", List.of(302, 200, 200, 200, 200, 200, 200, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200));
        expected.put("auditor", List.of(302, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 403, 403, 403, 403, 200, 403, 403, 200, 200, 200));
        expected.put("admin", List.of(302, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 403, 403, 403, 403, 200, 200, 200, 200, 200, 200));

        Session anonymous = new Session();
        for (String page : PAGES) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as("anonymous " + page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as("anonymous " + page).endsWith("/signin");
        }
        expected.forEach((user, statuses) -> {
            Session session = Session.signedIn(user);
            for (int i = 0; i < PAGES.size(); i++) {
                HttpResponse<String> response = session.get(PAGES.get(i));
                assertThat(response.statusCode()).as(user + " " + PAGES.get(i)).isEqualTo(statuses.get(i));
                if (statuses.get(i) == 403) {
                    assertThat(response.body()).as(user + " " + PAGES.get(i)).contains("この操作はできません");
                }
                if (statuses.get(i) == 200) {
                    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                            .startsWith("default-src 'self'");
                }
            }
        });
    }

    @Test
    void eachRole_landsOnItsHomePage() {
        assertThat(Session.signedIn("prefecture").get("/").headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
        assertThat(Session.signedIn("ube").get("/").headers().firstValue("Location").orElseThrow()).endsWith("/members/35202");
        assertThat(Session.signedIn("reviewer-academia").get("/").headers().firstValue("Location").orElseThrow()).endsWith("/reports");
        assertThat(Session.signedIn("auditor").get("/").headers().firstValue("Location").orElseThrow()).endsWith("/audit");
    }

    @Test
    void theEditorsForms_showOnlyOnTheirOwnMembersPage_andAnotherMembersFormIsRefused_storingNothing() {
        Api api = services.api();
        long before = api.get("sanyo-onoda", "/api/projects/sanyo-onoda-glass-branding").get("version").asLong();
        Session ube = Session.signedIn("ube");
        Session sanyoOnoda = Session.signedIn("sanyo-onoda");
        Session prefecture = Session.signedIn("prefecture");

        assertThat(sanyoOnoda.get("/members/35216").body()).contains("実績値を記録する");
        assertThat(ube.get("/members/35216").body()).doesNotContain("実績値を記録する");
        assertThat(prefecture.get("/members/35216").body()).doesNotContain("実績値を記録する").doesNotContain("<form method=\"post\"");

        HttpResponse<String> refused = ube.post("/projects/sanyo-onoda-glass-branding/kpis/glass-brand-sales/actual",
                Map.of("fiscalYear", "2024", "value", "1", "status", "CONFIRMED", "reason", "x",
                        "_csrf", ube.csrf("/members/35202")));
        HttpResponse<String> withoutCsrf = sanyoOnoda.post("/projects/sanyo-onoda-glass-branding/kpis/glass-brand-sales/actual",
                Map.of("fiscalYear", "2024", "value", "1", "status", "CONFIRMED", "reason", "x"));
        HttpResponse<String> rename = ube.post("/projects/sanyo-onoda-glass-branding/details",
                Map.of("name", "x", "reason", "x", "_csrf", ube.csrf("/members/35202")));
        HttpResponse<String> register = prefecture.post("/members/35216/projects",
                Map.of("name", "x", "grantProgram", "SECOND_GENERATION", "firstFiscalYear", "2024",
                        "lastFiscalYear", "2025", "_csrf", prefecture.csrf("/dashboard")));
        HttpResponse<String> auditorRebuild = prefecture.post("/audit/rebuild", Map.of("_csrf", prefecture.csrf("/dashboard")));
        HttpResponse<String> planTarget = prefecture.post("/plan/targets", Map.of("kgiId", "settled-population",
                "year", "2026", "value", "1", "reason", "x", "_csrf", prefecture.csrf("/dashboard")));
        HttpResponse<String> account = prefecture.post("/accounts", Map.of("username", "intruder", "displayName", "x",
                "role", "ADMIN", "password", "a-long-enough-password", "reason", "x", "_csrf", prefecture.csrf("/dashboard")));
        HttpResponse<String> disable = ube.post("/accounts/state", Map.of("username", "admin", "action", "disable",
                "reason", "x", "_csrf", ube.csrf("/members/35202")));
        HttpResponse<String> planFigure = ube.post("/plan/figures", Map.of("kgiId", "settled-population",
                "member", "35202", "year", "2020", "value", "1", "status", "CONFIRMED", "reason", "x",
                "_csrf", ube.csrf("/members/35202")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(rename.statusCode()).isEqualTo(403);
        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(auditorRebuild.statusCode()).isEqualTo(403);
        assertThat(planTarget.statusCode()).isEqualTo(403);
        assertThat(planFigure.statusCode()).isEqualTo(403);
        assertThat(account.statusCode()).isEqualTo(403);
        assertThat(disable.statusCode()).isEqualTo(403);
        assertThat(api.get("sanyo-onoda", "/api/projects/sanyo-onoda-glass-branding").get("version").asLong())
                .isEqualTo(before);
    }

    @Test
    void thePrefecture_downloadsEveryPublishedReportOfAYear_asOneZip_andAYearWithoutOneIsAJapanese404() throws Exception {
        Session prefecture = Session.signedIn("prefecture");

        HttpResponse<byte[]> zip = prefecture.http.send(HttpRequest.newBuilder(URI.create(base + "/reports/published/2024.zip"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        List<String> names = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                byte[] content = entries.readAllBytes();
                names.add(entry.getName());
                if (entry.getName().endsWith(".pdf")) {
                    assertThat(new String(content, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
                }
            }
        }
        HttpResponse<String> none = prefecture.get("/reports/published/2019.zip");

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(names).anySatisfy(name -> assertThat(name).contains("美祢市").endsWith(".pdf"))
                .anySatisfy(name -> assertThat(name).contains("美祢市").endsWith(".xlsx"));
        assertThat(prefecture.get("/reports").body()).contains("/reports/published/2024.zip");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("公表された報告書はまだありません");
    }

    @Test
    void theReportPagesDownloads_comeThroughTheSession_asPdfAndWorkbook_andAnUnknownVersionIsAJapanese404() {
        Session reviewer = Session.signedIn("reviewer-academia");

        HttpResponse<String> pdf = reviewer.get("/reports/35213/2024.pdf?version=1");
        HttpResponse<String> xlsx = reviewer.get("/reports/35213/2024.xlsx?version=1");
        HttpResponse<String> unknown = reviewer.get("/reports/35213/2024.pdf?version=99");
        String page = reviewer.get("/reports/35213/2024").body();

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("その公表版はありません");
        assertThat(page).contains("/reports/35213/2024.pdf?version=1").contains("/reports/35213/2024.xlsx?version=1")
                .contains("/reports/35213/2024.pdf?asOf=").contains("第1版 (公表版)");
    }

    @Test
    void theApi_staysBearerOnly_aSessionCookieOpensNothingThere() {
        Session prefecture = Session.signedIn("prefecture");

        HttpResponse<String> api = prefecture.get("/api/municipalities");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("invalid-token");
    }

    @Test
    void aWrongPassword_staysOnTheSignInPage_withAJapaneseMessage() {
        Session session = new Session();
        HttpResponse<String> refused = session.post("/signin", Map.of("username", "ube", "password", "wrong",
                "_csrf", session.csrf("/signin")));

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/signin?error");
        assertThat(session.get("/signin?error").body()).contains("ユーザー名またはパスワードが違います");
        assertThat(session.get("/dashboard").statusCode()).isEqualTo(302);
    }

    @Test
    void anUnreadableQueryValue_onAReportPage_isA400PageInJapanese() {
        HttpResponse<String> page = Session.signedIn("prefecture").get("/reports/35213/2024?from=abc");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("指定された値の形式が正しくありません").doesNotContain("Exception");
    }

    @Test
    void theHostHeader_isNeverWrittenIntoALinkOrARedirect() {
        String host = "Host: evil.example";
        RawHttp.Exchange anonymous = RawHttp.exchange(base, "/dashboard", host);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.head()).containsIgnoringCase("Location: /signin").doesNotContain("evil.example");

        Session prefecture = Session.signedIn("prefecture");
        RawHttp.Exchange page = RawHttp.exchange(base, "/dashboard?lang=ja", host, prefecture.cookie());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=en").doesNotContain("evil.example");
        RawHttp.Exchange home = RawHttp.exchange(base, "/", host, prefecture.cookie());
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.head()).doesNotContain("evil.example");
    }

    @Test
    void behindAnHttpsProxy_theSessionCookieIsSecure() {
        String host = "Host: " + URI.create(base).getAuthority();
        RawHttp.Exchange proxied = RawHttp.exchange(base, "/signin", host, "X-Forwarded-Proto: https");
        RawHttp.Exchange direct = RawHttp.exchange(base, "/signin", host);

        assertThat(sessionCookie(proxied.head())).contains("Secure").contains("HttpOnly");
        assertThat(sessionCookie(direct.head())).doesNotContain("Secure");
    }

    private static String sessionCookie(String head) {
        return head.lines().filter(line -> line.toLowerCase().startsWith("set-cookie:") && line.contains("SESSION"))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + head));
    }

    @Test
    void aYearNoneOfTheMembersProjectsCovers_hasNoReportPage() {
        // 美祢市's projects run from 2021 to 2027: 2030 has no report, 2024 has one
        Session editor = Session.signedIn("mine");
        HttpResponse<String> none = editor.get("/reports/35213/2030");
        HttpResponse<String> some = editor.get("/reports/35213/2024");

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("この年度には、この市町の事業がないため報告書はありません").doesNotContain("審査に提出");
        assertThat(some.statusCode()).isEqualTo(200);
    }
}
