package org.jpledger.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real KRaft Kafka node (broker and controller in one) running inside this JVM: a single-node cluster, or one member of
 * a cluster whose nodes run in several processes.
 */
public final class KafkaBroker implements AutoCloseable {

    // Any 22-character base64 string is a valid cluster id; a fixed one lets a persistent log directory be reused.
    private static final String CLUSTER_ID = "jpLedgerLocalCluster00";
    /** The SASL mechanisms a broker requiring SCRAM accepts; the first is its own inter-broker one. */
    public static final List<String> SCRAM_MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final boolean throwaway;
    private final ScramUser superUser;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDirectory, boolean throwaway,
            ScramUser superUser) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
        this.throwaway = throwaway;
        this.superUser = superUser;
    }

    /** Starts a broker on free ports whose log directory is deleted on close. */
    public static KafkaBroker startThrowaway() {
        return startThrowaway(LoopbackPorts.free(), LoopbackPorts.free());
    }

    /** Starts a broker on the given ports whose log directory is deleted on close. */
    public static KafkaBroker startThrowaway(int port, int controllerPort) {
        return start(temporaryDirectory(), new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)),
                true, Listener.plaintext());
    }

    /**
     * Starts a broker on free ports, its log directory deleted on close, whose only client listener requires SASL/SCRAM
     * (SHA-256 or SHA-512) without TLS. {@code superUser} exists from format time with both mechanisms; the broker logs in
     * as it itself, and clients logged in as it may create other users ({@link #addScramUser}).
     */
    public static KafkaBroker startThrowawayRequiringScram(ScramUser superUser) {
        Node node = new Node(1, LoopbackPorts.free(), LoopbackPorts.free());
        return start(temporaryDirectory(), node, List.of(node), true, Listener.scram(superUser));
    }

    /**
     * Starts a broker on free ports, its log directory deleted on close, whose only client listener requires TLS with a
     * client certificate signed by the CA of {@code tls} (mutual TLS); the broker presents {@code tls}'s broker keystore.
     */
    public static KafkaBroker startThrowawayRequiringMutualTls(TlsFiles tls) {
        Node node = new Node(1, LoopbackPorts.free(), LoopbackPorts.free());
        return start(temporaryDirectory(), node, List.of(node), true, Listener.mutualTls(tls));
    }

    /** The broker's client (and inter-broker) listener: its security protocol and settings. */
    private record Listener(String protocol, Map<String, String> properties, ScramUser superUser) {

        static Listener plaintext() {
            return new Listener("PLAINTEXT", Map.of(), null);
        }

        static Listener scram(ScramUser superUser) {
            Map<String, String> properties = new HashMap<>();
            properties.put("sasl.enabled.mechanisms", String.join(",", SCRAM_MECHANISMS));
            properties.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISMS.get(0));
            for (String mechanism : SCRAM_MECHANISMS) {
                properties.put("listener.name.sasl_plaintext." + mechanism.toLowerCase(Locale.ROOT)
                        + ".sasl.jaas.config", superUser.jaasConfig());
            }
            return new Listener("SASL_PLAINTEXT", properties, superUser);
        }

        static Listener mutualTls(TlsFiles tls) {
            return new Listener("SSL", Map.of(
                    "ssl.client.auth", "required",
                    "ssl.keystore.location", tls.brokerKeystore().toString(),
                    "ssl.keystore.password", tls.password(),
                    "ssl.key.password", tls.password(),
                    "ssl.keystore.type", "PKCS12",
                    "ssl.truststore.location", tls.truststore().toString(),
                    "ssl.truststore.password", tls.password(),
                    "ssl.truststore.type", "PKCS12"), null);
        }
    }

    /** A SCRAM user and password; letters, digits and hyphens only, so they need no quoting anywhere. */
    public record ScramUser(String name, String password) {

        public ScramUser {
            if (!name.matches("[A-Za-z0-9-]+") || !password.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("a super user name and password are letters, digits and hyphens");
            }
        }

        /** The client properties logging in as this user with {@code mechanism} over SASL_PLAINTEXT. */
        public Map<String, Object> clientProperties(String mechanism) {
            return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism, "sasl.jaas.config",
                    jaasConfig());
        }

        String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }
    }

    /** Starts a broker on {@code logDirectory}, formatting it only the first time, and keeps the data on close. */
    public static KafkaBroker startPersistent(Path logDirectory, int port, int controllerPort) {
        return start(logDirectory, new Node(1, port, controllerPort), List.of(new Node(1, port, controllerPort)), false,
                Listener.plaintext());
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
        return start(logDirectory, self, cluster, false, Listener.plaintext());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jpledger-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaBroker start(Path logDirectory, Node self, List<Node> cluster, boolean throwaway,
            Listener client) {
        ScramUser superUser = client.superUser();
        int port = self.port();
        int controllerPort = self.controllerPort();
        String replicas = cluster.size() >= 3 ? "3" : "1";
        String minInSync = cluster.size() >= 3 ? "2" : "1";
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(self.id()));
        props.put("controller.quorum.voters", String.join(",",
                cluster.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).toList()));
        String listener = client.protocol();
        props.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", listener + "://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", listener);
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + listener + ":" + listener);
        props.putAll(client.properties());
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
                    .setScramArguments(superUser == null ? List.of() : SCRAM_MECHANISMS.stream()
                            .map(m -> m + "=[name=" + superUser.name() + ",password=" + superUser.password() + "]")
                            .toList())
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, "127.0.0.1:" + port, logDirectory, throwaway, superUser);
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

    /** Creates or changes a SCRAM user of a broker started by {@link #startThrowawayRequiringScram}, as its super user. */
    public void addScramUser(String mechanism, String name, String password) {
        if (superUser == null) {
            throw new IllegalStateException("this broker does not require SASL");
        }
        Map<String, Object> config = new HashMap<>(superUser.clientProperties(SCRAM_MECHANISMS.get(0)));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.fromMechanismName(mechanism), 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not add SCRAM user " + name + ": " + e.getMessage(), e);
        }
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
