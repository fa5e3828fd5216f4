package jp.yumekairo.query.ui;

import java.io.Serializable;
import java.time.Instant;

/**
 * The person signed in to the web UI, as the command service's token says: who, which role, for which member or
 * sector. The token itself stays on the server, in the HTTP session, and goes with each write they make.
 */
public record SignedIn(String userId, String role, String municipality, String sector, String token,
                       Instant expiresAt) implements Serializable {

    public boolean is(String... roles) {
        for (String candidate : roles) {
            if (candidate.equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this person writes the given member's data: its EDITOR. */
    public boolean editorOf(String municipalityCode) {
        return "EDITOR".equals(role) && municipalityCode != null && municipalityCode.equals(municipality);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return userId + " (" + role + ")";
    }
}
