package neo4jlocal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a Neo4j Community server (the same bootstrapper the packaged server uses) bound to 127.0.0.1.
 *
 * <p>Usage: {@code java -cp launcher.jar:lib/* neo4jlocal.Launcher --home DIR --bolt-port N --http-port N
 * [--pagecache 512m]}. The password of the {@code neo4j} user is read from the environment variable
 * {@code NEO4J_LOCAL_PASSWORD} (never from the command line, so it does not show up in process listings).
 *
 * <p>The server keeps its data in {@code DIR/data} and its logs in {@code DIR/logs}. Optional extra settings
 * can be put in {@code DIR/conf/neo4j.conf}; the settings below take precedence over that file.
 *
 * <p>Once the server is up and the password is set, one line starting with {@code NEO4J-LOCAL READY} is
 * printed to stdout. If startup fails, a line starting with {@code NEO4J-LOCAL FAILED} is printed and the
 * process exits non-zero. SIGTERM / SIGINT shut the server down cleanly.
 */
public final class Launcher {
    private static final String PASSWORD_ENV = "NEO4J_LOCAL_PASSWORD";

    private Launcher() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        Path home = Path.of(required(args, "home")).toAbsolutePath().normalize();
        int boltPort = port(required(args, "bolt-port"));
        int httpPort = port(required(args, "http-port"));
        String pageCache = args.getOrDefault("pagecache", "512m");
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.length() < 8) {
            fail(2, "environment variable " + PASSWORD_ENV + " must hold a password of at least 8 characters");
        }

        Files.createDirectories(home);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.default_listen_address", "127.0.0.1");
        settings.put("server.default_advertised_address", "127.0.0.1");
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        settings.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        settings.put("server.http.enabled", "true");
        settings.put("server.http.listen_address", "127.0.0.1:" + httpPort);
        settings.put("server.http.advertised_address", "127.0.0.1:" + httpPort);
        settings.put("server.https.enabled", "false");
        settings.put("dbms.security.auth_enabled", "true");
        settings.put("server.memory.pagecache.size", pageCache);
        settings.put("dbms.usage_report.enabled", "false");
        // Netty waits this many seconds (default 5, twice) for stray tasks when Bolt shuts down; the databases
        // are already checkpointed and closed at that point, so a short wait makes `stop` faster.
        settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "1");

        boolean freshStore = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        // Installs a shutdown hook and SIGTERM/SIGINT handlers that stop the server cleanly.
        Path confFile = home.resolve("conf").resolve("neo4j.conf");
        int rc = bootstrapper.start(home, Files.isRegularFile(confFile) ? confFile : null, settings, false, false);
        if (rc != 0) {
            fail(rc, "Neo4j did not start (bootstrapper exit code " + rc + "); see " + home.resolve("logs"));
        }

        String version;
        try {
            DatabaseManagementService dbms = bootstrapper.getDatabaseManagementService();
            GraphDatabaseService system = dbms.database("system");
            if (freshStore || !passwordWorks(system, password)) {
                setPassword(system, password);
                System.out.println("NEO4J-LOCAL password of user neo4j set");
            } else {
                System.out.println("NEO4J-LOCAL password of user neo4j already set");
            }
            version = components(dbms.database("neo4j"));
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            bootstrapper.stop();
            fail(1, "Neo4j started but could not be prepared: " + e.getMessage());
            return;
        }

        System.out.println("NEO4J-LOCAL READY " + version + " bolt=127.0.0.1:" + boltPort + " http=127.0.0.1:"
                + httpPort + " home=" + home);
        System.out.flush();

        // Keep the JVM alive; the bootstrapper's signal handlers and shutdown hook take care of stopping.
        new CountDownLatch(1).await();
    }

    /**
     * Tells whether {@code neo4j} can already log in with {@code password} (checked in-process, without Cypher,
     * which saves a few seconds on every restart). Any problem with this check just means "no".
     */
    private static boolean passwordWorks(GraphDatabaseService system, String password) {
        try {
            AuthManager authManager =
                    ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = authManager.login(
                    Map.of(
                            "scheme", "basic",
                            "principal", "neo4j",
                            "credentials", password.getBytes(StandardCharsets.UTF_8)),
                    ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Sets the password of the built-in user {@code neo4j} (no change required at first login). */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // On a restart the stored password usually is already the wanted one; Neo4j refuses to "change" it.
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (!message.contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** Returns e.g. {@code "Neo4j Kernel 5.26.x community"} as reported by {@code dbms.components()}. */
    private static String components(GraphDatabaseService db) {
        return db.executeTransactionally(
                "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition",
                Map.of(),
                result -> {
                    StringBuilder sb = new StringBuilder();
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        if (sb.length() > 0) {
                            sb.append("; ");
                        }
                        Object versions = row.get("versions");
                        String v = versions instanceof List<?> list && !list.isEmpty()
                                ? String.valueOf(list.get(0))
                                : String.valueOf(versions);
                        sb.append(row.get("name")).append(' ').append(v).append(' ').append(row.get("edition"));
                    }
                    return sb.toString();
                });
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                fail(2, "unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < argv.length) {
                value = argv[++i];
            } else {
                fail(2, "missing value for " + a);
                return args;
            }
            args.put(key, value);
        }
        return args;
    }

    private static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null || value.isEmpty()) {
            fail(2, "missing required option --" + key);
        }
        return value;
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(2, "not a valid port: " + value);
        return -1;
    }

    private static void fail(int code, String message) {
        System.out.println("NEO4J-LOCAL FAILED " + message);
        System.out.flush();
        System.exit(code);
    }
}
