package jp.yumekairo.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: every change to a project or the plan becomes an event in PostgreSQL. Port 8081. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    static {
        // Axon's update checker calls home at start; this service never reaches out to the internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
