package jp.yumekairo.command.web;

import jp.yumekairo.command.web.WriteRefusals.InvalidHeader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version clients see is the number of events of the aggregate (1 after its creation), sent as the
 * {@code ETag} {@code "n"}. Axon counts from 0, so {@code If-Match: "n"} expects Axon version n−1.
 */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private Versions() {
    }

    /** The Axon version an {@code If-Match} header expects, or null when there is none. */
    public static Long expectedFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new InvalidHeader("invalid-if-match", "If-Match must be a version this service returned, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1)) - 1;
    }

    static long visible(long axonVersion) {
        return axonVersion + 1;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
