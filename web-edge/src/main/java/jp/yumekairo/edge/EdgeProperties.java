package jp.yumekairo.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each service says of itself at the edge ({@code yumekairo.edge.*} in its {@code application.yml}).
 *
 * @param apiTitle            the title of its OpenAPI description
 * @param apiDescription      the description under that title
 * @param internalErrorDetail the detail of a 500: the command service adds that nothing was stored
 * @param eventLogSchema      the database schema of the event log's tables, or none for the connection's own
 */
@ConfigurationProperties("yumekairo.edge")
public record EdgeProperties(String apiTitle, String apiDescription, String internalErrorDetail, String eventLogSchema) {

    public EdgeProperties {
        internalErrorDetail = internalErrorDetail == null ? "the request could not be completed" : internalErrorDetail;
    }
}
