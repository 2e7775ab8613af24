package org.jpledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalStackMainTest {

    @Test
    void namesEachPortThatIsAlreadyTakenAndThePartThatNeedsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int free = LoopbackPorts.free();
            var ports = new LocalStack.Ports(free, taken.getLocalPort(), LoopbackPorts.free(), LoopbackPorts.free(),
                    LoopbackPorts.free());

            assertThat(LocalStackMain.busyPorts(ports))
                    .containsExactly("Port " + taken.getLocalPort() + " (Kafka broker) is already in use.");
        }
    }

    @Test
    void findsNothingBusyOnFreePorts() {
        assertThat(LocalStackMain.busyPorts(LocalStack.Ports.free())).isEmpty();
    }
}
