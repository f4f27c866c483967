package dev.backstack.panel.installer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.FleetService;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DemoFleetTest {

    static Fleet await(FleetService service, Predicate<Fleet> condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Fleet f = service.latest();
            if (condition.test(f)) {
                return f;
            }
            Thread.sleep(50);
        }
        return service.latest();
    }

    @Test
    void demoFleetConvergesWithADegradedSpokeAddOn() throws Exception {
        try (FleetService service = FleetService.demo(100, 50)) {
            assertThat(service.awaitSynced(20, TimeUnit.SECONDS)).isTrue();
            Fleet fleet = await(service, f -> f.hub().component(ComponentKind.BACKSTAGE)
                    .map(c -> c.health() == Health.HEALTHY).orElse(false), 20_000);
            System.err.println(fleet.hub().assessment());
            fleet.hub().components().forEach(c -> System.err.println(c.kind() + " " + c.health() + " " + c.version() + " " + c.assessment().oneLine() + " " + c.url()));
            fleet.spokes().forEach(s -> System.err.println(s.name() + " " + s.health() + " " + s.reachability() + " " + s.assessment().oneLine() + " " + s.compliance().total()));
            fleet.watches().stream().filter(w -> w.isProblem()).forEach(w -> System.err.println(w.describe()));
            assertThat(fleet.simulated()).isTrue();
            assertThat(fleet.hub().component(ComponentKind.BACKSTAGE).orElseThrow().health()).isEqualTo(Health.HEALTHY);
            assertThat(fleet.spokes()).hasSize(3);
        }
    }
}
