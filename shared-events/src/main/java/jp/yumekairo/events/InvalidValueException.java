package jp.yumekairo.events;

/**
 * A value that cannot exist in the domain, with a stable error code clients can rely on
 * (for example {@code figure-out-of-range}).
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String code;

    public InvalidValueException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
