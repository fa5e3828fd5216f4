package jp.yumekairo.events;

/** 交付金: the national grant programme that funds a project. */
public enum GrantProgram {
    REGIONAL_REVITALIZATION_PROMOTION("地方創生推進交付金"),
    DIGITAL_GARDEN_CITY_PROMOTION("デジタル田園都市国家構想交付金(地方創生推進タイプ)"),
    SECOND_GENERATION("第2世代交付金(新しい地方経済・生活環境創生交付金)"),
    REGIONAL_REVITALIZATION_FACILITY("地方創生拠点整備交付金");

    private final String labelJa;

    GrantProgram(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
