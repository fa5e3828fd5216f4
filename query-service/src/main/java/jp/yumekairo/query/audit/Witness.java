package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.signing.KeyFiles;
import jp.yumekairo.events.signing.PublicKeys;
import jp.yumekairo.events.signing.SignedCheckpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A witness of the log, run by someone who does not trust the database (an auditor, the prefecture, on a
 * schedule): copies every signed checkpoint it has not seen into its own directory, then checks that the event
 * log as it is now still extends every checkpoint it keeps — each event signed by the command service, each
 * aggregate's numbering unbroken, and the hash chain recomputed from the events passing through every kept
 * checkpoint's hash. A recomputed chain, a rewritten past or a truncated tail is reported with the checkpoint it
 * contradicts. No Spring; run it from the query service's jar:
 * <pre>
 * java -jar query-service.jar witness --jdbc-url jdbc:postgresql://127.0.0.1:5432/yumekairo --user auditor_ro \
 *     --event-keys keys/event-signing.pub.pem --checkpoint-keys keys/checkpoint-signing.pub.pem --keep witness/
 * </pre>
 * Exit code 0: the log extends every kept checkpoint; 1: broken; 2: usage error or the database could not be read.
 */
public final class Witness {

    private static final String USAGE_TEXT = """
            usage: witness --jdbc-url <url> [--user <name>] [--password <password>] --event-keys <file or directory>
                           --checkpoint-keys <file or directory> --keep <directory>
              Keeps a copy of every signed checkpoint in the directory, and checks that the event log still extends
              each checkpoint kept there. The keys are the published public keys (*.pub.pem; comma-separated for
              several). The password may also come from the environment variable PGPASSWORD.
              exit code 0 = intact, 1 = broken, 2 = usage error or database unreadable""";
    private static final ObjectMapper JSON = EventJson.objectMapper();

    private Witness() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                err.println("not an option with a value: " + args[i]);
                err.println(USAGE_TEXT);
                return LogVerifier.USAGE;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        PublicKeys eventKeys;
        PublicKeys checkpointKeys;
        Path keep;
        try {
            for (String required : List.of("jdbc-url", "event-keys", "checkpoint-keys", "keep")) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("--jdbc-url, --event-keys, --checkpoint-keys and --keep are required");
                }
            }
            eventKeys = keys(options.get("event-keys"));
            checkpointKeys = keys(options.get("checkpoint-keys"));
            keep = Files.createDirectories(Path.of(options.get("keep")));
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException wrong) {
            err.println(wrong.getMessage());
            err.println(USAGE_TEXT);
            return LogVerifier.USAGE;
        }
        String url = options.get("jdbc-url");
        String password = options.getOrDefault("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        try (Connection connection = DriverManager.getConnection(url, options.get("user"), password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            TreeMap<Long, SignedCheckpoint> kept = kept(keep, checkpointKeys);
            List<SignedCheckpoint> fresh = new ArrayList<>();
            for (SignedCheckpoint published : published(connection)) {
                if (!published.signedBy(checkpointKeys)) {
                    out.println("BROKEN: the checkpoint at position " + published.position() + " in the database is "
                            + "not signed by the published checkpoint key: it was forged (改ざんの疑い)");
                    return LogVerifier.BROKEN;
                }
                SignedCheckpoint earlier = kept.get(published.position());
                if (earlier == null) {
                    fresh.add(published);
                } else if (!earlier.hash().equals(published.hash())) {
                    out.println("BROKEN: the database's checkpoint at position " + published.position() + " (hash "
                            + published.hash() + ") contradicts the one kept since " + earlier.signedAt() + " (hash "
                            + earlier.hash() + "): the chain was recomputed over a changed log (改ざんの疑い)");
                    return LogVerifier.BROKEN;
                }
            }
            TreeMap<Long, SignedCheckpoint> all = new TreeMap<>(kept);
            fresh.forEach(checkpoint -> all.put(checkpoint.position(), checkpoint));
            // the log must extend the new checkpoints too before they are kept: one that contradicts it is not
            String broken = extendsAll(connection, new TreeMap<>(all), eventKeys);
            connection.rollback();
            if (broken != null) {
                out.println("BROKEN: " + broken + " (改ざんの疑い)");
                return LogVerifier.BROKEN;
            }
            fresh.forEach(checkpoint -> write(keep, checkpoint));
            out.println("INTACT: the log extends all " + all.size() + " kept checkpoints" + (all.isEmpty() ? ""
                    : " up to position " + all.lastKey()) + "; " + fresh.size() + " new copied to " + keep
                    + " (改ざんなし)");
            return LogVerifier.INTACT;
        } catch (SQLException unreadable) {
            err.println("could not read the log at " + url + ": " + unreadable.getMessage());
            return LogVerifier.USAGE;
        } catch (IllegalStateException | UncheckedIOException unreadableCopies) {
            err.println(unreadableCopies.getMessage());
            return LogVerifier.USAGE;
        }
    }

    /** Null when the log extends every one of {@code kept} (which it empties), else the first contradiction. */
    private static String extendsAll(Connection connection, TreeMap<Long, SignedCheckpoint> kept, PublicKeys eventKeys)
            throws SQLException {
        AggregateSequences sequences = new AggregateSequences();
        byte[] link = ChainHash.GENESIS;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM public.domain_event_entry ORDER BY global_index")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredEvent event = StoredEvent.read(rows);
                    SignedCheckpoint passed = kept.isEmpty() ? null : kept.firstEntry().getValue();
                    if (passed != null && event.globalIndex() > passed.position()) {
                        return "the log has no event at position " + passed.position() + " any more, where the "
                                + "checkpoint signed at " + passed.signedAt() + " stands: it was deleted or moved";
                    }
                    if (!event.signedBy(eventKeys)) {
                        return "the event at position " + event.globalIndex() + " (" + event.eventIdentifier() + ") "
                                + "has no valid signature of the command service: it was not written by the service "
                                + "(forged), or changed since";
                    }
                    String outOfTurn = sequences.follow(event);
                    if (outOfTurn != null) {
                        return outOfTurn;
                    }
                    link = ChainHash.link(link, event);
                    if (passed != null && event.globalIndex() == passed.position()) {
                        if (!Arrays.equals(link, passed.link())) {
                            return "the events up to position " + passed.position() + " hash to " + ChainHash.hex(link)
                                    + ", not to the checkpoint signed at " + passed.signedAt() + " (" + passed.hash()
                                    + "): an event at or below it was changed, deleted, inserted or moved";
                        }
                        kept.pollFirstEntry();
                    }
                }
            }
        }
        if (!kept.isEmpty()) {
            SignedCheckpoint beyond = kept.firstEntry().getValue();
            return "the log ends before position " + beyond.position() + ", where the checkpoint signed at "
                    + beyond.signedAt() + " stands: its tail was truncated";
        }
        return null;
    }

    private static List<SignedCheckpoint> published(Connection connection) throws SQLException {
        List<SignedCheckpoint> published = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, link, signed_at, "
                + "signing_key_id, signature FROM query.audit_checkpoint WHERE signature IS NOT NULL ORDER BY global_index");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                published.add(new SignedCheckpoint(rows.getLong(1), ChainHash.hex(rows.getBytes(2)), rows.getString(3),
                        rows.getString(4), Base64.getEncoder().encodeToString(rows.getBytes(5))));
            }
        }
        return published;
    }

    private static TreeMap<Long, SignedCheckpoint> kept(Path keep, PublicKeys checkpointKeys) {
        TreeMap<Long, SignedCheckpoint> kept = new TreeMap<>();
        try (Stream<Path> files = Files.list(keep)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).toList()) {
                SignedCheckpoint checkpoint = JSON.readValue(file.toFile(), SignedCheckpoint.class);
                if (!checkpoint.signedBy(checkpointKeys)) {
                    throw new IllegalStateException("the kept checkpoint " + file + " is not signed by the "
                            + "checkpoint key: the witness's own directory was changed");
                }
                kept.put(checkpoint.position(), checkpoint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    private static void write(Path keep, SignedCheckpoint checkpoint) {
        try {
            Path aside = Files.createTempFile(keep, ".checkpoint", ".tmp");
            Files.write(aside, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint));
            Files.move(aside, keep.resolve("checkpoint-%020d.json".formatted(checkpoint.position())),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PublicKeys keys(String paths) {
        PublicKeys keys = KeyFiles.readPublicKeys(Arrays.stream(paths.split(",")).map(Path::of).toList());
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no *.pub.pem public key in " + paths);
        }
        return keys;
    }
}
