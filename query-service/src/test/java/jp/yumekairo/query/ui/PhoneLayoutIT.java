package jp.yumekairo.query.ui;

import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages on a 390 px phone held upright: nothing wider than the screen (wide tables scroll in their own box),
 * a header that leaves the page most of the screen, and 和暦 years that stay on one line.
 */
class PhoneLayoutIT {

    private static final List<String> PAGES = List.of("/dashboard", "/members/35202", "/reports",
            "/reports/35213/2024", "/projects/sanyo-onoda-glass-branding/history");

    @Test
    void onA390pxPhone_thePagesFit_theHeaderIsCompact_andYearsStayOnOneLine() {
        try (Browser ube = new Browser(Services.demo().query().baseUrl())) {
            ube.signIn("ube");
            ube.resize(390, 844);
            for (String page : PAGES) {
                ube.open(page);
                ube.waitUntil(d -> ube.fitsWidth());
                Number header = (Number) ube.script("return document.querySelector('.site-header').getBoundingClientRect().height;");
                Number viewport = (Number) ube.script("return window.innerHeight;");
                assertThat(header.doubleValue()).as(page + ": the header's height").isLessThan(viewport.doubleValue() * 0.25);
                Object broken = ube.script("""
                        return Array.from(document.querySelectorAll('td, th'))
                            .filter(c => /^(令和|平成)(元|\\d+)年度?$/.test(c.innerText.trim()))
                            .filter(c => c.getClientRects().length)
                            .filter(c => { const r = document.createRange(); r.selectNodeContents(c);
                                           return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size > 1; })
                            .map(c => c.innerText).slice(0, 3);""");
                assertThat((List<?>) broken).as(page + ": year cells broken over lines").isEmpty();
                ube.screenshot("phone" + page.replace('/', '-'));
            }
        }
    }
}
