package org.jpledger.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real KRaft Kafka node (broker and controller in one) running inside this JVM: a single-node cluster, or one member of
 * a cluster whose nodes run in several processes.
 */
public final class KafkaBroker implements AutoCloseable {

    // Any 22-character base64 string is a valid cluster id; a fixed one lets a persistent log directory be reused.
    private static final String CLUSTER_ID = "jpLedgerLocalCluster00";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final boolean throwaway;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDirectory, boolean throwaway) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
        this.throwaway = throwaway;
    }

    /** Starts a broker on free ports whose log directory is deleted on close. */
    public static KafkaBroker startThrowaway() {
        return startThrowaway(LoopbackPorts.free(), LoopbackPorts.free());
    }

    /** Starts a broker on the given ports whose log directory is deleted on close. */
    public static KafkaBroker startThrowaway(int port, int controllerPort) {
        try {
            return start(Files.createTempDirectory("jpledger-kafka"), port, controllerPort, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on {@code logDirectory}, formatting it only the first time, and keeps the data on close. */
    public static KafkaBroker startPersistent(Path logDirectory, int port, int controllerPort) {
        return start(logDirectory, new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)), false);
    }

    /** A node of a cluster: its id and the ports of its broker and controller listeners. */
    public record Node(int id, int port, int controllerPort) {
    }

    /**
     * Starts node {@code self} of {@code cluster} on {@code logDirectory}, formatting it only the first time, and keeps the
     * data on close. With three nodes or more, internal topics and new topics default to replication factor 3 with two
     * in-sync replicas required, so one node may fail without losing an acknowledged write.
     */
    public static KafkaBroker startClusterMember(Path logDirectory, Node self, List<Node> cluster) {
        return start(logDirectory, self, cluster, false);
    }

    private static KafkaBroker start(Path logDirectory, int port, int controllerPort, boolean throwaway) {
        return start(logDirectory, new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)), throwaway);
    }

    private static KafkaBroker start(Path logDirectory, Node self, List<Node> cluster, boolean throwaway) {
        int port = self.port();
        int controllerPort = self.controllerPort();
        String replicas = cluster.size() >= 3 ? "3" : "1";
        String minInSync = cluster.size() >= 3 ? "2" : "1";
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(self.id()));
        props.put("controller.quorum.voters", String.join(",",
                cluster.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).toList()));
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", "1");
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minInSync);
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minInSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minInSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(self.id())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setIgnoreFormatted(true)
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, "127.0.0.1:" + port, logDirectory, throwaway);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (throwaway) {
            deleteRecursively(logDirectory);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
