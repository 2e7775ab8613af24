package org.jpledger.systemtests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jpledger.localstack.KafkaBroker;

/**
 * A Kafka node in a JVM of its own, so that it can be killed like a crashed server and started again on its log
 * directory; {@link #main} is what runs in that JVM.
 */
final class BrokerProcess {

    private static final String READY = "jpledger-kafka-node-ready";

    private final KafkaBroker.Node self;
    private final List<KafkaBroker.Node> cluster;
    private final Path directory;
    private int incarnation;
    private Process process;
    private Path log;

    BrokerProcess(KafkaBroker.Node self, List<KafkaBroker.Node> cluster, Path directory) {
        this.self = self;
        this.cluster = cluster;
        this.directory = directory;
    }

    /** Starts the node's JVM (the first time, or again after a kill) without waiting for it. */
    void start() {
        incarnation++;
        log = directory.resolve("kafka-" + self.id() + "." + incarnation + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                directory.resolve("kafka-" + self.id()).toString(), Integer.toString(self.id())));
        cluster.forEach(n -> command.add(n.id() + ":" + n.port() + ":" + n.controllerPort()));
        try {
            Files.createDirectories(directory);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka node " + self.id(), e);
        }
    }

    /** Waits until the node has started, failing with its output if it died. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + self.id() + " exited: " + output());
            }
            Pause.of(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Kafka node " + self.id() + " not ready after " + timeout + ": " + output());
    }

    /** Ends the node at once (SIGKILL). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String bootstrap() {
        return "127.0.0.1:" + self.port();
    }

    private String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs one node until the JVM is killed: {@code logDirectory nodeId id:port:controllerPort...}. */
    public static void main(String[] args) throws InterruptedException {
        int id = Integer.parseInt(args[1]);
        List<KafkaBroker.Node> nodes = Arrays.stream(args, 2, args.length).map(spec -> spec.split(":"))
                .map(p -> new KafkaBroker.Node(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])))
                .toList();
        KafkaBroker.Node self = nodes.stream().filter(n -> n.id() == id).findFirst().orElseThrow();
        KafkaBroker.startClusterMember(Path.of(args[0]), self, nodes);
        // This JVM's only output besides Kafka's warnings: the parent waits for it.
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
