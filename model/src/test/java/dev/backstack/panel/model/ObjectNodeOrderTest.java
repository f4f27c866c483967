package dev.backstack.panel.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectNodeOrderTest {

    static ObjectNode node(String name, Health health, ObjectNode... children) {
        Assessment a =
                health == Health.HEALTHY ? Assessment.healthy("ok") : Assessment.of(health, "Pod " + name, "bad");
        return new ObjectNode("Pod", "ns", name, a, List.of(children));
    }

    @Test
    void worstFirstOrdersByRolledUpHealthAndKeepsTheOrderOfEquals() {
        List<ObjectNode> nodes = List.of(
                node("a", Health.HEALTHY),
                node("b", Health.PROGRESSING),
                node("c", Health.HEALTHY, node("c1", Health.HEALTHY), node("c2", Health.DEGRADED)),
                node("d", Health.PROGRESSING),
                node("e", Health.HEALTHY));

        List<ObjectNode> sorted = ObjectNode.worstFirst(nodes);

        assertThat(sorted).extracting(ObjectNode::name).containsExactly("c", "b", "d", "a", "e");
        assertThat(sorted.get(0).children()).extracting(ObjectNode::name).containsExactly("c2", "c1");
        assertThat(nodes.get(2).children()).extracting(ObjectNode::name).containsExactly("c1", "c2");
    }
}
