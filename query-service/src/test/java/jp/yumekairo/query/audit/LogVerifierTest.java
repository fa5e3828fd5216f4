package jp.yumekairo.query.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LogVerifierTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutACheckpoint_itExplainsItsUsage_andExitsWith2() {
        int exit = LogVerifier.run(new String[]{"--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/x"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--position and --hash are required")
                .contains("usage: LogVerifier");
    }

    @Test
    void aHashThatIsNotSha256_isAUsageError() {
        int exit = LogVerifier.run(new String[]{"--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/x", "--position", "7",
                "--hash", "12ab"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("64 hexadecimal digits");
    }

    private static PrintStream print(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
