package jp.yumekairo.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read side: projections of the shared event store, served on port 8082. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    static {
        // Axon's update checker calls home at start; this service never reaches out to the internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
