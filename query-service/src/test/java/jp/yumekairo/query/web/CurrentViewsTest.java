package jp.yumekairo.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentViewsTest {

    private record View(String name, long version) {
    }

    private final CurrentViews views = new CurrentViews(new ObjectMapper());
    private final AtomicInteger assembled = new AtomicInteger();

    private View assemble(String name, long version) {
        assembled.incrementAndGet();
        return new View(name, version);
    }

    @Test
    void whileChangesAreNotHeard_everyReadAssemblesItsView() {
        views.get("a", () -> assemble("a", 1));
        views.get("a", () -> assemble("a", 1));

        assertThat(assembled).hasValue(2);
    }

    @Test
    void whileListening_aViewIsAssembledOnce_untilTheViewsChange() {
        views.listening(true);
        views.get("a", () -> assemble("first", 1));
        View kept = views.get("a", () -> assemble("second", 2));
        assertThat(kept.name()).isEqualTo("first");

        views.changed();

        assertThat(views.get("a", () -> assemble("third", 3)).name()).isEqualTo("third");
        assertThat(assembled).hasValue(2);
    }

    @Test
    void aViewAssembledWhileTheViewsChanged_isNotKept() {
        views.listening(true);
        views.get("a", () -> {
            views.changed(); // heard while this view was being read
            return assemble("during", 1);
        });

        assertThat(views.get("a", () -> assemble("after", 2)).name()).isEqualTo("after");
    }

    @Test
    void aReadThatNamesAVersion_neverTakesAnOlderKeptView() {
        views.listening(true);
        views.get("a", 0, () -> assemble("v1", 1), View::version);

        assertThat(views.get("a", 2, () -> assemble("v2", 2), View::version).name()).isEqualTo("v2");
        assertThat(views.get("a", 2, () -> assemble("v3", 3), View::version).name()).isEqualTo("v2");
    }

    @Test
    void losingTheConnection_dropsWhatWasKept_andKeepsNothingUntilItIsBack() {
        views.listening(true);
        views.get("a", () -> assemble("before", 1));

        views.listening(false);
        assertThat(views.get("a", () -> assemble("lost", 2)).name()).isEqualTo("lost");
        assertThat(views.get("a", () -> assemble("still lost", 3)).name()).isEqualTo("still lost");

        views.listening(true);
        assertThat(views.get("a", () -> assemble("back", 4)).name()).isEqualTo("back");
        assertThat(views.get("a", () -> assemble("again", 5)).name()).isEqualTo("back");
    }

    @Test
    void theJson_isWrittenOncePerChange() {
        views.listening(true);
        CurrentViews.Kept<View> first = views.json("a", 0, () -> assemble("first", 1), View::version);
        CurrentViews.Kept<View> second = views.json("a", 0, () -> assemble("second", 2), View::version);

        assertThat(new String(first.json(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"first\",\"version\":1}");
        assertThat(second.json()).isSameAs(first.json());

        views.changed();
        assertThat(new String(views.json("a", 0, () -> assemble("third", 3), View::version).json(),
                StandardCharsets.UTF_8)).contains("third");
    }
}
