package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What starting the demo fleet costs: the install target's server starts only when it is asked for. */
class DemoFleetStartTest {

    @Test
    @Timeout(120)
    void theInstallTargetStartsOnFirstUse() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(100)) {
            String url = fleet.installTargetUrlForTest();
            assertThat(listening(url))
                    .as("install target serving before anyone asked for it")
                    .isFalse();

            DemoFleet.Member target = fleet.installTarget();

            assertThat(target.server()).isEqualTo(url);
            assertThat(listening(url)).isTrue();
            assertThat(target.client().namespaces().list().getItems()).isNotNull();
        }
    }

    @Test
    void theClientsBackoffRunsAsFastAsTheStory() {
        assertThat(DemoFleet.reconnectMillis(1000)).isEqualTo(500);
        assertThat(DemoFleet.reconnectMillis(100)).isEqualTo(50);
        assertThat(DemoFleet.reconnectMillis(5)).isEqualTo(50);
        assertThat(DemoFleet.reconnectMillis(10_000)).isEqualTo(500);
    }

    private static boolean listening(String url) {
        URI uri = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
