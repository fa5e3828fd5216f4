package jp.yumekairo.query.audit;

import jp.yumekairo.events.signing.KeyFiles;
import jp.yumekairo.events.signing.PublicKeys;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The auditor's own check, without the service: checks every event's signature against the command service's
 * published public keys, recomputes the hash chain from the event table alone and says whether the log up to a
 * checkpoint's position still ends in the checkpoint's link. No Spring; run it from the query service's jar:
 * <pre>
 * java -cp query-service.jar -Dloader.main=jp.yumekairo.query.audit.LogVerifier \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     --jdbc-url jdbc:postgresql://127.0.0.1:5432/yumekairo --user auditor_ro --public-keys keys/ --position 1234 --hash 9f…
 * </pre>
 * Exit code 0: intact; 1: broken; 2: usage error or the database could not be read.
 */
public final class LogVerifier {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: LogVerifier --jdbc-url <url> [--user <name>] [--password <password>] --public-keys <file or directory>
                               --position <n> --hash <64 hex digits>
              Checks the signature of every event in public.domain_event_entry against the command service's public
              keys (a .pub.pem file, or a directory of them; comma-separated for several), recomputes the hash chain
              up to position n and compares it with the checkpoint's hash (GET /api/audit/checkpoints, or the
              checkpoint printed in a yearly report's export).
              The password may also come from the environment variable PGPASSWORD.
              exit code 0 = intact, 1 = broken, 2 = usage error or database unreadable""";

    private LogVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
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
        PublicKeys published;
        try {
            if (url == null || !options.containsKey("position") || !options.containsKey("hash")) {
                throw new IllegalArgumentException("--jdbc-url, --public-keys, --position and --hash are required");
            }
            position = Long.parseLong(options.get("position"));
            expected = ChainHash.parse(options.get("hash"));
            if (!options.containsKey("public-keys")) {
                throw new IllegalArgumentException("--public-keys is required: the command service's published keys");
            }
            published = KeyFiles.readPublicKeys(Arrays.stream(options.get("public-keys").split(","))
                    .map(Path::of).toList());
            if (published.isEmpty()) {
                throw new IllegalArgumentException("no *.pub.pem public key in " + options.get("public-keys"));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException wrong) {
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
            StoredEvent forged = null;
            String outOfTurn = null;
            AggregateSequences sequences = new AggregateSequences();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                    + " FROM public.domain_event_entry ORDER BY global_index")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && forged == null && outOfTurn == null) {
                        StoredEvent event = StoredEvent.read(rows);
                        if (!event.signedBy(published)) {
                            forged = event;
                        } else if ((outOfTurn = sequences.follow(event)) == null && event.globalIndex() <= position) {
                            link = ChainHash.link(link, event);
                            last = event.globalIndex();
                            events++;
                        }
                    }
                }
            }
            connection.rollback();
            if (forged != null) {
                out.println("BROKEN: the event at position " + forged.globalIndex() + " (" + forged.eventIdentifier()
                        + ") has no valid signature of the command service: it was not written by the service "
                        + "(forged), or changed since (改ざんの疑い)");
                return BROKEN;
            }
            if (outOfTurn != null) {
                out.println("BROKEN: " + outOfTurn + " (改ざんの疑い)");
                return BROKEN;
            }
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
            out.println("INTACT: every event is signed by the command service, and the " + events
                    + " events up to position " + position + " match the checkpoint " + ChainHash.hex(expected)
                    + " (改ざんなし)");
            return INTACT;
        } catch (SQLException unreadable) {
            err.println("could not read the event table at " + url + ": " + unreadable.getMessage());
            return USAGE;
        }
    }
}
