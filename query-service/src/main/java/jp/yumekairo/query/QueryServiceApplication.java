package jp.yumekairo.query;

import jp.yumekairo.query.audit.LogVerifier;
import jp.yumekairo.query.audit.Witness;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * The read side: projections of the shared event store, served on port 8082. {@code witness …} and
 * {@code verify …} as the first argument run the auditor's tools instead, without Spring ({@link Witness},
 * {@link LogVerifier}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    static {
        // Axon's update checker calls home at start; this service never reaches out to the internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("witness") || args[0].equals("verify"))) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(args[0].equals("witness") ? Witness.run(rest, System.out, System.err)
                    : LogVerifier.run(rest, System.out, System.err));
        }
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
