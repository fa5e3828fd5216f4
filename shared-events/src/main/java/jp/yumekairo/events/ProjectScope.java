package jp.yumekairo.events;

/** 単独 / 広域: a project of one member, or of several members together. */
public enum ProjectScope {
    SINGLE("単独"),
    WIDE_AREA("広域");

    private final String labelJa;

    ProjectScope(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
