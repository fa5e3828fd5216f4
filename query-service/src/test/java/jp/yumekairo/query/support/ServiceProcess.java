package jp.yumekairo.query.support;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its packaged jar as a JVM of its own, as in production, with its output in
 * {@code target/service-logs}. {@link #kill()} ends it the hard way (SIGKILL), like a crash.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final List<String> jvmOptions;
    private final Path log;
    private final int port;
    private Process process;

    ServiceProcess(String name, String jarProperty, Map<String, String> environment, List<String> arguments) {
        this(name, jarProperty, environment, List.of(), arguments);
    }

    /** With JVM options after the defaults, so that e.g. {@code -Xmx64m} overrides the default heap. */
    ServiceProcess(String name, String jarProperty, Map<String, String> environment, List<String> jvmOptions,
                   List<String> arguments) {
        this.name = name;
        this.jvmOptions = jvmOptions;
        this.jar = Path.of(System.getProperty(jarProperty, "missing-" + jarProperty));
        this.environment = environment;
        this.arguments = arguments;
        this.port = freePort();
        this.log = Path.of(System.getProperty("serviceLogs", "target/service-logs")).resolve(name + ".log");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    /** Starts the JVM and returns once its health endpoint answers UP. */
    public ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the tests through Maven (./mvnw verify), "
                    + "which packages both services first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // each service connects as its own role: a user name of the test's own environment would override it
            builder.environment().remove("SPRING_DATASOURCE_USERNAME");
            builder.environment().remove("SPRING_DATASOURCE_PASSWORD");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        try {
            Awaitility.await(name + " becoming healthy (see " + log + ")").atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
                        }
                        return healthy();
                    });
        } catch (RuntimeException failed) {
            kill();
            throw failed;
        }
        return this;
    }

    /** Whether the JVM started last is still running. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the JVM started last, to tell a restarted service from one that kept running. */
    public long pid() {
        return process.pid();
    }

    /** Ends the JVM at once, without a graceful shutdown. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
