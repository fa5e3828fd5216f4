package jp.yumekairo.events;

/** Free text in events is never null: absent text is the empty string. */
public final class Texts {

    private Texts() {
    }

    public static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
