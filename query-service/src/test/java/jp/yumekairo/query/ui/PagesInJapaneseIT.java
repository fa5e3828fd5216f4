package jp.yumekairo.query.ui;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page as every role, in Japanese: the visible text (with every {@code <details>} opened, and the titles,
 * placeholders and labels a screen reader reads; machine text in {@code <pre>} and {@code <code>}, such as the raw
 * event an auditor opens, left out) holds no enum name, event type or refusal code of the code base,
 * and axe-core finds no WCAG 2.1 A or AA violation; one role once more in English for axe. The forbidden words are
 * collected from the code, not listed by hand: every enum constant and event class of the events module and of
 * this service, and every refusal code the message catalogue knows. Whole tokens, case-sensitive, so that names
 * people write (「MICE誘致件数」) do not count.
 */
class PagesInJapaneseIT {

    private static final List<String> EVERYONE = List.of("/dashboard", "/members/35202", "/members/35216",
            "/members/35213", "/projects/sanyo-onoda-glass-branding/history", "/reports", "/reports/35213/2024",
            "/reports/35216/2022", "/reports/35213/2040", "/projects/no-such-project/history");
    private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("prefecture", EVERYONE);
        PAGES.put("reviewer-academia", EVERYONE);
        PAGES.put("ube", concat(EVERYONE, "/members/35202/import", "/members/35202/projects/new"));
        PAGES.put("sanyo-onoda", concat(EVERYONE, "/projects/sanyo-onoda-glass-branding/edit",
                "/members/35216/import"));
        PAGES.put("auditor", concat(EVERYONE, "/audit"));
        PAGES.put("admin", concat(EVERYONE, "/audit", "/plan", "/accounts"));
    }

    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9_-]");
    private static Services services;
    private static Set<String> forbidden;

    @BeforeAll
    static void start() {
        services = Services.demo();
        forbidden = forbiddenWords();
    }

    @Test
    void everyPageAsEveryRole_inJapanese_showsNoCode_andHasNoAccessibilityViolation() {
        List<String> problems = new ArrayList<>();
        try (Browser anonymous = new Browser(services.query().baseUrl())) {
            check(anonymous, "anonymous", "/signin", problems);
        }
        PAGES.forEach((user, pages) -> {
            try (Browser browser = new Browser(services.query().baseUrl())) {
                browser.signIn(user);
                pages.forEach(page -> check(browser, user, page, problems));
            }
        });
        assertThat(problems).as("pages that show a code or fail WCAG 2.1 AA").isEmpty();
    }

    @Test
    void thePagesInEnglish_haveNoAccessibilityViolation() {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(services.query().baseUrl())) {
            browser.signIn("auditor");
            for (String page : concat(EVERYONE, "/audit")) {
                browser.open(page + (page.contains("?") ? "&" : "?") + "lang=en");
                openEverything(browser);
                accessibility(browser, "auditor (en)", page, problems);
            }
        }
        assertThat(problems).as("English pages that fail WCAG 2.1 AA").isEmpty();
    }

    private static void check(Browser browser, String user, String page, List<String> problems) {
        browser.open(page);
        openEverything(browser);
        // machine text on purpose (the raw event an auditor opens, a request id) is in <pre> and <code>: left out
        // (hidden through the elements' own style: the pages' Content-Security-Policy refuses an inserted <style>)
        browser.script("document.querySelectorAll('pre, code').forEach(e => e.style.setProperty('display', 'none', 'important'));");
        String visible = browser.text();
        browser.script("document.querySelectorAll('pre, code').forEach(e => e.style.removeProperty('display'));");
        String text = visible + "\n" + browser.script("""
                return Array.from(document.querySelectorAll('[title],[placeholder],[aria-label],[alt]'))
                    .flatMap(e => ['title', 'placeholder', 'aria-label', 'alt'].map(a => e.getAttribute(a)))
                    .filter(v => v).join('\\n');""");
        Set<String> shown = codesIn(text, forbidden);
        if (!shown.isEmpty()) {
            problems.add(user + " " + page + " shows " + shown);
        }
        accessibility(browser, user, page, problems);
    }

    private static void openEverything(Browser browser) {
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true);");
    }

    private static void accessibility(Browser browser, String user, String page, List<String> problems) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        for (Rule violation : results.getViolations()) {
            problems.add(user + " " + page + " axe " + violation.getId() + " (" + violation.getHelp() + "): "
                    + violation.getNodes().stream().limit(3).map(node -> node.getTarget() + " " + node.getHtml())
                    .collect(Collectors.joining(" | ")));
        }
    }

    private static Set<String> codesIn(String text, Set<String> words) {
        Set<String> shown = new TreeSet<>();
        for (String word : words) {
            Matcher found = Pattern.compile(Pattern.quote(word)).matcher(text);
            while (found.find()) {
                boolean before = found.start() > 0 && TOKEN_CHARS.matcher(text.substring(found.start() - 1, found.start())).matches();
                boolean after = found.end() < text.length() && TOKEN_CHARS.matcher(text.substring(found.end(), found.end() + 1)).matches();
                if (!before && !after) {
                    shown.add(word);
                    break;
                }
            }
        }
        return shown;
    }

    /**
     * Enum constants and event types of the events module and this service, and the refusal codes of the message
     * catalogue (its {@code problem.*} keys): what a page might print where it should print a label.
     */
    private static Set<String> forbiddenWords() {
        Set<String> words = new TreeSet<>();
        try {
            List<String> names = new ArrayList<>();
            // the events module is a jar on the test's class path, which a class path pattern does not list: read it
            java.net.URL events = jp.yumekairo.events.FiscalYear.class.getProtectionDomain().getCodeSource().getLocation();
            if (events.getPath().endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(events.toURI()))) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(entry -> entry.endsWith(".class"))
                            .forEach(names::add);
                }
            } else {
                try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(events.toURI()))) {
                    java.nio.file.Path root = java.nio.file.Path.of(events.toURI());
                    files.filter(file -> file.toString().endsWith(".class"))
                            .forEach(file -> names.add(root.relativize(file).toString()));
                }
            }
            for (Resource type : new PathMatchingResourcePatternResolver().getResources("classpath*:jp/yumekairo/query/**/*.class")) {
                String path = type.getURL().toString();
                names.add(path.substring(path.indexOf("jp/yumekairo/")));
            }
            for (String file : names) {
                String name = file.replace(".class", "").replace('/', '.');
                if (name.contains("$$") || name.contains(".query.support.") || name.endsWith("Test") || name.endsWith("IT")) {
                    continue;
                }
                Class<?> loaded;
                try {
                    loaded = Class.forName(name, false,
                            PagesInJapaneseIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    continue;
                }
                if (loaded.isEnum()) {
                    for (Object constant : loaded.getEnumConstants()) {
                        words.add(((Enum<?>) constant).name());
                    }
                } else if (name.startsWith("jp.yumekairo.events.") && loaded.isRecord()
                        && Modifier.isPublic(loaded.getModifiers()) && isEvent(loaded)) {
                    words.add(loaded.getSimpleName());
                }
            }
            Properties catalogue = new Properties();
            try (InputStream messages = PagesInJapaneseIT.class.getResourceAsStream("/messages.properties")) {
                catalogue.load(new java.io.InputStreamReader(messages, java.nio.charset.StandardCharsets.UTF_8));
            }
            catalogue.stringPropertyNames().stream().filter(key -> key.startsWith("problem."))
                    .map(key -> key.substring("problem.".length())).filter(code -> code.contains("-"))
                    .forEach(words::add);
            // a word the catalogue's own Japanese labels use (KPI, KGI) is a term of the documents, not a code
            String labels = String.join("\n", catalogue.stringPropertyNames().stream().map(catalogue::getProperty).toList());
            words.removeIf(word -> !codesIn(labels, Set.of(word)).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(words).as("words collected from the code base").contains("CONFIRMED", "ActualRecorded", "stale-version");
        return words;
    }

    private static boolean isEvent(Class<?> type) {
        for (Class<?> contract : type.getInterfaces()) {
            if (contract.isSealed() && contract.getPackageName().startsWith("jp.yumekairo.events")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> pages, String... more) {
        List<String> all = new ArrayList<>(pages);
        all.addAll(List.of(more));
        return all;
    }
}
