package jp.yumekairo.command.auth;

import jp.yumekairo.events.EventMetadata;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The person a command is handled for, read from the command's metadata. Aggregates ask it whether the
 * person may write, so no endpoint can bypass the check.
 */
public record Actor(String userId, Role role, MunicipalityCode municipality, Sector sector) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public static Actor editor(String userId, MunicipalityCode municipality) {
        return new Actor(userId, Role.EDITOR, municipality, null);
    }

    public static Actor admin(String userId) {
        return new Actor(userId, Role.ADMIN, null, null);
    }

    /** The actor a message was sent by, or null when it carries none. */
    public static Actor from(MetaData metaData) {
        Object user = metaData.get(EventMetadata.USER);
        Object role = metaData.get(EventMetadata.ROLE);
        if (user == null || role == null) {
            return null;
        }
        Object municipality = metaData.get(EventMetadata.MUNICIPALITY);
        Object sector = metaData.get(EventMetadata.SECTOR);
        return new Actor(user.toString(), Role.valueOf(role.toString()),
                municipality == null ? null : MunicipalityCode.of(municipality.toString()),
                sector == null ? null : Sector.valueOf(sector.toString()));
    }

    /** The metadata entries that name this actor on a command and on every event it causes. */
    public Map<String, Object> toMetaData() {
        Map<String, Object> entries = new HashMap<>();
        entries.put(EventMetadata.USER, userId);
        entries.put(EventMetadata.ROLE, role.name());
        if (municipality != null) {
            entries.put(EventMetadata.MUNICIPALITY, municipality.code());
        }
        if (sector != null) {
            entries.put(EventMetadata.SECTOR, sector.name());
        }
        return entries;
    }

    /** Only the editor bound to this member writes its projects and figures. */
    public void requireEditorOf(MunicipalityCode member, String what) {
        if (role != Role.EDITOR || municipality != member) {
            throw new NotPermitted(userId + " (" + role + describeMunicipality() + ") may not " + what
                    + " of " + member.nameJa() + " (" + member.code() + ")");
        }
    }

    /** Only the plan secretariat sets up the plan. */
    public void requireAdmin(String what) {
        if (role != Role.ADMIN) {
            throw new NotPermitted(userId + " (" + role + ") may not " + what + "; only the plan secretariat may");
        }
    }

    /** A member's figure is written by that member's editor, or by the secretariat transcribing published statistics. */
    public void requireEditorOfOrAdmin(MunicipalityCode member, String what) {
        if (role != Role.ADMIN) {
            requireEditorOf(member, what);
        }
    }

    /**
     * Only a committee member comments, and only for their own sector: {@code claimed} is the sector a request
     * names, or null for the reviewer's own. Returns the sector the comment is made under.
     */
    public Sector requireReviewer(Sector claimed, String what) {
        if (role != Role.REVIEWER || sector == null) {
            throw new NotPermitted(userId + " (" + role + describeMunicipality() + ") may not " + what
                    + "; only a member of the 産官学金労言 committee may");
        }
        if (claimed != null && claimed != sector) {
            throw new NotPermitted(userId + " reviews for " + sector.labelJa() + " (" + sector + ") and may not "
                    + what + " under " + claimed.labelJa() + " (" + claimed + ")");
        }
        return sector;
    }

    private String describeMunicipality() {
        return municipality == null ? "" : " of " + municipality.code();
    }
}
