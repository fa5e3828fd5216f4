package jp.yumekairo.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A member of the 山口ゆめ回廊 partnership, identified by its 全国地方公共団体コード in 5-digit form.
 * Appears in JSON as the code, e.g. {@code "35216"}.
 */
public enum MunicipalityCode {
    YAMAGUCHI("35203", "山口市", "Yamaguchi City", "山口県"),
    UBE("35202", "宇部市", "Ube City", "山口県"),
    HAGI("35204", "萩市", "Hagi City", "山口県"),
    HOFU("35206", "防府市", "Hofu City", "山口県"),
    MINE("35213", "美祢市", "Mine City", "山口県"),
    SANYO_ONODA("35216", "山陽小野田市", "Sanyo-Onoda City", "山口県"),
    TSUWANO("32501", "津和野町", "Tsuwano Town", "島根県");

    private final String code;
    private final String nameJa;
    private final String nameEn;
    private final String prefecture;

    MunicipalityCode(String code, String nameJa, String nameEn, String prefecture) {
        this.code = code;
        this.nameJa = nameJa;
        this.nameEn = nameEn;
        this.prefecture = prefecture;
    }

    /** The member with this 5-digit code; anything else is refused with {@code not-a-member}. */
    @JsonCreator
    public static MunicipalityCode of(String code) {
        for (MunicipalityCode member : values()) {
            if (member.code.equals(code)) {
                return member;
            }
        }
        throw new InvalidValueException("not-a-member",
                "'" + abbreviate(code) + "' is not the 5-digit code of a member of the 山口ゆめ回廊 partnership");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String nameJa() {
        return nameJa;
    }

    public String nameEn() {
        return nameEn;
    }

    public String prefecture() {
        return prefecture;
    }
}
