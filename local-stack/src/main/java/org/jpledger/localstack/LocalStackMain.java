package org.jpledger.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jpledger.contracts.access.Access;

/**
 * The run command: starts the whole system on this machine, prints where to find it, and stops everything on Ctrl-C or
 * SIGTERM. Console output is the user interface here, so it writes to standard output directly.
 */
public final class LocalStackMain {

    private static final PrintStream OUT = System.out;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("jpledger.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".jpledger");
        if (args.length > 0 && args[0].equals("token")) {
            OUT.println(LocalTokenCommand.mint(LocalKeys.in(data.resolve("keys")), List.of(args).subList(1, args.length)));
            return;
        }
        boolean demo = false;
        for (String arg : args) {
            switch (arg) {
                case "--demo" -> demo = true;
                case "--help", "-h" -> {
                    OUT.println("usage: ./run [--demo] | ./run stop | ./run token --roles R[,R...] [--units U[,U...]]");
                    return;
                }
                default -> fail("unknown option " + arg + " (usage: ./run [--demo] | ./run stop)");
            }
        }
        LocalStack.Ports ports = portsFromEnvironment();
        List<String> busy = busyPorts(ports);
        if (!busy.isEmpty()) {
            fail(String.join("\n", busy) + "\nStop what uses them (see: ss -ltnp), stop an earlier run with ./run stop,"
                    + " or choose other ports with JPLEDGER_*_PORT (see docs/operations.md).");
        }
        Path logs = data.resolve("logs");
        Files.createDirectories(logs);
        OUT.printf("Starting JP Ledger (data in %s, logs in %s)%n", data, logs);
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(data, logs, ports,
                    root.resolve("training-service/target/quarkus-app/quarkus-run.jar"),
                    root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar")));
        } catch (RuntimeException e) {
            fail("JP Ledger did not start: " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping JP Ledger...");
            stack.close();
            OUT.println("Stopped. Data kept in " + data);
            stopped.countDown();
        }, "local-stack-shutdown"));
        Files.writeString(data.resolve("run.pid"), Long.toString(ProcessHandle.current().pid()));
        OUT.printf("%nJP Ledger is up in %.1f s:%n", (System.nanoTime() - started) / 1e9);
        OUT.printf("  training-service   %s/api/v1  (Swagger UI %s/q/swagger-ui, health %s/q/health)%n",
                stack.training().baseUrl(), stack.training().baseUrl(), stack.training().baseUrl());
        OUT.printf("  reporting-service  %s/api/v1  (Swagger UI %s/q/swagger-ui, health %s/q/health)%n",
                stack.reporting().baseUrl(), stack.reporting().baseUrl(), stack.reporting().baseUrl());
        OUT.printf("  dashboard          %s/dashboard/  (sign in with a token of the report-reader role, see below)%n",
                stack.reporting().baseUrl());
        OUT.printf("  file imports       %s/imports/  (upload with progress; a token of the training-writer role)%n",
                stack.training().baseUrl());
        OUT.printf("  verification       %s/verification/  (the verifier's queue; a token of the training-verifier "
                + "role)%n", stack.training().baseUrl());
        OUT.printf("  xAPI (LRS)         %s/xapi/  (learning platforms: Basic demo-lms:demo-lms-secret)%n",
                stack.training().baseUrl());
        OUT.printf("  PostgreSQL         %s (databases training, reporting; user postgres)%n",
                stack.postgres().jdbcUrl(""));
        OUT.printf("  Kafka              %s%n", stack.kafka().bootstrapServers());
        OUT.println("\nEvery API call needs a bearer token. Mint one with the local key, e.g. for everything:");
        OUT.println("  TOKEN=$(./run token --roles " + String.join(",", Access.ROLES) + " --units '*')");
        OUT.println("  curl -H \"Authorization: Bearer $TOKEN\" " + stack.reporting().baseUrl() + "/api/v1/compliance/summary");
        if (demo) {
            OUT.println("\nLoading the demo province through the API...");
            String loader = stack.bearer(Token.withRoles(Access.ROSTER_ADMIN, Access.TRAINING_WRITER)
                    .units(Access.ALL_UNITS).subject("demo-loader"));
            var summary = new DemoData(stack.training().baseUrl(), loader)
                    .load(300, LocalDate.now(ZoneId.of("Asia/Jakarta")));
            OUT.printf("Demo loaded: %d units (root %s), %d employees, %d completions.%n", summary.units(),
                    DemoData.ROOT_UNIT, summary.employees(), summary.completions());
        }
        OUT.println("\nPress Ctrl-C (or run ./run stop) to stop everything.");
        stopped.await();
    }

    private static LocalStack.Ports portsFromEnvironment() {
        LocalStack.Ports d = LocalStack.Ports.defaults();
        return new LocalStack.Ports(port("JPLEDGER_PG_PORT", d.postgres()), port("JPLEDGER_KAFKA_PORT", d.kafka()),
                port("JPLEDGER_KAFKA_CONTROLLER_PORT", d.kafkaController()),
                port("JPLEDGER_TRAINING_PORT", d.training()), port("JPLEDGER_REPORTING_PORT", d.reporting()));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            fail(variable + "=" + value + " is not a port number");
            return fallback;
        }
    }

    /** One line per port another process already holds, naming the part that needs it. */
    static List<String> busyPorts(LocalStack.Ports ports) {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<String, Integer> part : ports.byPart().entrySet()) {
            if (!LoopbackPorts.isFree(part.getValue())) {
                busy.add("Port " + part.getValue() + " (" + part.getKey() + ") is already in use.");
            }
        }
        return busy;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
