package jp.yumekairo.events;

/** 産官学金労言: the six sectors of the external review committee. */
public enum Sector {
    INDUSTRY("産"),
    GOVERNMENT("官"),
    ACADEMIA("学"),
    FINANCE("金"),
    LABOUR("労"),
    MEDIA("言");

    private final String labelJa;

    Sector(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
