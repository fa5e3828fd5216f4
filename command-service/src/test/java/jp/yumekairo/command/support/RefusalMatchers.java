package jp.yumekairo.command.support;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.events.InvalidValueException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for aggregate fixtures: a refusal of the given type with its stable code. */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    public static Matcher<Throwable> refusal(Class<? extends CommandRefused> type, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return type.isInstance(item) && code.equals(((CommandRefused) item).code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with code ").appendValue(code);
            }
        };
    }

    public static Matcher<Throwable> invalidValue(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof InvalidValueException invalid && code.equals(invalid.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidValueException with code ").appendValue(code);
            }
        };
    }
}
