package jp.yumekairo.query.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The auditor's own check, without the service: recomputes the hash chain from the event table alone and says
 * whether the log up to a checkpoint's position still ends in the checkpoint's link. No Spring; run it from the
 * query service's jar:
 * <pre>
 * java -cp query-service.jar -Dloader.main=jp.yumekairo.query.audit.LogVerifier \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:5432/yumekairo --user auditor_ro --position 1234 --hash 9f…
 * </pre>
 * Exit code 0: intact; 1: broken; 2: usage error or the database could not be read.
 */
public final class LogVerifier {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: LogVerifier --jdbc-url <url> [--user <name>] [--password <password>] --position <n> --hash <64 hex digits>
              Recomputes the hash chain over public.domain_event_entry up to position n and compares it with the
              checkpoint's hash (GET /api/audit/checkpoints, or the checkpoint printed in a yearly report's export).
              The password may also come from the environment variable PGPASSWORD.
              exit code 0 = intact, 1 = broken, 2 = usage error or database unreadable""";

    private LogVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 == args.length) {
                err.println("not an option with a value: " + name);
                err.println(USAGE_TEXT);
                return USAGE;
            }
            options.put(name.substring(2), args[++i]);
        }
        String url = options.get("jdbc-url");
        long position;
        byte[] expected;
        try {
            if (url == null || !options.containsKey("position") || !options.containsKey("hash")) {
                throw new IllegalArgumentException("--jdbc-url, --position and --hash are required");
            }
            position = Long.parseLong(options.get("position"));
            expected = ChainHash.parse(options.get("hash"));
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String password = options.getOrDefault("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        try (Connection connection = DriverManager.getConnection(url, options.get("user"), password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            byte[] link = ChainHash.GENESIS;
            long last = Long.MIN_VALUE;
            long events = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM public.domain_event_entry WHERE global_index <= ? ORDER BY global_index")) {
                select.setFetchSize(1000);
                select.setLong(1, position);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = StoredEvent.read(rows);
                        link = ChainHash.link(link, event);
                        last = event.globalIndex();
                        events++;
                    }
                }
            }
            connection.rollback();
            if (last != position) {
                out.println("BROKEN: there is no event at position " + position + " any more (改ざんの疑い)");
                return BROKEN;
            }
            if (!Arrays.equals(link, expected)) {
                out.println("BROKEN: the " + events + " events up to position " + position + " hash to "
                        + ChainHash.hex(link) + ", not to the checkpoint's " + ChainHash.hex(expected)
                        + ": an event at or below this position was changed, deleted, inserted or moved (改ざんの疑い)");
                return BROKEN;
            }
            out.println("INTACT: the " + events + " events up to position " + position
                    + " match the checkpoint " + ChainHash.hex(expected) + " (改ざんなし)");
            return INTACT;
        } catch (SQLException unreadable) {
            err.println("could not read the event table at " + url + ": " + unreadable.getMessage());
            return USAGE;
        }
    }
}
