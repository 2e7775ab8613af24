package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker's offsets are asked with a deadline, so a status answer never waits on a Kafka that is down. */
class BrokerOffsetsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    @Test
    void answersLagUnknownWithinItsTimeoutWhenKafkaIsUnreachable() throws IOException {
        BrokerOffsets offsets = new BrokerOffsets(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort(),
                "reconnect.backoff.max.ms", 200), TIMEOUT);
        try {
            long started = System.nanoTime();
            BrokerOffsets.Snapshot snapshot = offsets.read(EventConsumer.TOPICS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(snapshot.known()).isFalse();
            assertThat(snapshot.ranges()).isEmpty();
            assertThat(snapshot.unknownReason()).contains("did not answer within");
            assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
        } finally {
            offsets.close();
        }
    }

    /** A loopback port nothing listens on: bound once to learn a free number, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
