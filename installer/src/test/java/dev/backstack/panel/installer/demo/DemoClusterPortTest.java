package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoClusterPortTest {

    @Test
    @DisplayName(
            "no two simulated clusters get the same port, though a reserved port stays unbound until its server starts")
    void portsAreNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            assertThat(ports.add(DemoCluster.freePort()))
                    .as("port handed out twice after %d", i)
                    .isTrue();
        }
    }
}
