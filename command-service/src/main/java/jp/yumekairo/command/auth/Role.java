package jp.yumekairo.command.auth;

/** What a signed-in person may do. */
public enum Role {
    /** Plan secretariat: defines the wide-area plan and its KGIs. */
    ADMIN,
    /** A member's clerk, bound to one municipality: writes that member's projects and KGI figures. */
    EDITOR,
    /** The prefectural office: reads everything, writes nothing. */
    PREFECTURE,
    /** Audit: reads everything and uses the audit tools, writes nothing. */
    AUDITOR,
    /** A 産官学金労言 committee member, bound to one sector: comments only. */
    REVIEWER
}
