package jp.yumekairo.command.web;

import jp.yumekairo.command.web.WriteRefusals.InvalidHeader;
import org.springframework.http.ETag;

/**
 * The version clients see is the number of events of the aggregate (1 after its creation), sent as the
 * {@code ETag} {@code "n"}. Axon counts from 0, so {@code If-Match: "n"} expects Axon version n−1.
 */
public final class Versions {

    private static final String VERSION = "\\d{1,18}";

    private Versions() {
    }

    /**
     * The Axon version an {@code If-Match} header expects, or null when there is none. The tag may be weak
     * ({@code W/"3"}) or unquoted ({@code 3}); it must be one version this service returned.
     */
    public static Long expectedFrom(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        ETag tag = ETag.create(ifMatch.trim());
        if (tag.isWildcard()) {
            return null;
        }
        if (!tag.tag().matches(VERSION) || Long.parseLong(tag.tag()) < 1) {
            throw new InvalidHeader("invalid-if-match", "If-Match must be a version this service returned, e.g. \"3\"");
        }
        return Long.parseLong(tag.tag()) - 1;
    }

    static long visible(long axonVersion) {
        return axonVersion + 1;
    }

    static String etag(long version) {
        return new ETag(Long.toString(version), false).formattedTag();
    }
}
