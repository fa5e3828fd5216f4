package jp.yumekairo.command.web;

/** The shape of every id a client chooses (project, KPI, plan, KGI): lower-case words joined by hyphens. */
public final class Ids {

    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    public static final String MESSAGE = "must be 1–64 lower-case letters, digits or hyphens, e.g. sanyo-onoda-glass";

    private Ids() {
    }
}
