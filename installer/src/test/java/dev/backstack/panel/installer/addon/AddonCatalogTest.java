package dev.backstack.panel.installer.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSource;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddonCatalogTest {

    static final AddonCatalog CATALOG = AddonCatalog.load();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    @DisplayName("the shipped catalog loads with the add-ons issue 9 asks for")
    void loads() {
        assertThat(CATALOG.entries())
                .extracting(AddonEntry::id)
                .containsExactlyInAnyOrder(
                        "kyverno",
                        "backstack-policies",
                        "cert-manager",
                        "envoy-gateway",
                        "metrics-server",
                        "external-secrets",
                        "kube-prometheus-stack");
    }

    @Test
    @DisplayName("ids are unique and every need names an entry of the catalog")
    void idsUniqueAndNeedsResolve() {
        Set<String> ids = new HashSet<>();
        CATALOG.entries()
                .forEach(e ->
                        assertThat(ids.add(e.id())).as("duplicate " + e.id()).isTrue());
        CATALOG.entries().forEach(e -> assertThat(ids).as(e.id() + " needs").containsAll(e.needs()));
        assertThat(CATALOG.entry("backstack-policies").orElseThrow().needs()).containsExactly("kyverno");
    }

    @Test
    @DisplayName("every parameter's default passes the parameter's own check")
    void defaultsAreValid() {
        for (AddonEntry e : CATALOG.entries()) {
            for (PolicyParameter p : e.parameters()) {
                assertThat(p.check(p.defaultValue()).problem())
                        .as(e.id() + " " + p.name())
                        .isEmpty();
            }
        }
    }

    @Test
    @DisplayName("every chart is pinned exactly and says where its pin comes from")
    void chartsArePinnedWithASource() {
        for (AddonEntry e : CATALOG.entries()) {
            if (e.source() instanceof AddonSource.Chart c) {
                assertThat(c.version()).as(e.id()).matches("v?[0-9]+\\.[0-9]+\\.[0-9]+");
                assertThat(c.source()).as(e.id()).isNotBlank();
            }
        }
        AddonSource.Chart kyverno =
                (AddonSource.Chart) CATALOG.entry("kyverno").orElseThrow().source();
        assertThat(kyverno.version()).isEqualTo("3.9.0");
        assertThat(kyverno.appVersion()).isEqualTo("v1.19.0");
    }

    @Test
    @DisplayName("the catalog has no cycle of needs: the policy set comes a wave after Kyverno")
    void noCycle() {
        assertThat(CATALOG.waves()).containsEntry("kyverno", 0).containsEntry("backstack-policies", 1);
    }

    @Test
    @DisplayName("a cycle of needs, a dangling need and a duplicate id are refused when loading")
    void refusesBadCatalogs() throws Exception {
        assertThatThrownBy(() -> AddonCatalog.parse(YAML.readTree("""
                entries:
                - {id: a, namespace: a, git: {path: x}, needs: [b]}
                - {id: b, namespace: b, git: {path: y}, needs: [a]}
                """)))
                .hasMessageContaining("[a, b] need each other in a cycle");
        assertThatThrownBy(() -> AddonCatalog.parse(YAML.readTree("""
                entries:
                - {id: a, namespace: a, git: {path: x}, needs: [nope]}
                """)))
                .hasMessageContaining("a needs nope, which is not in the catalog");
        assertThatThrownBy(() -> new AddonCatalog(List.of(entry("a"), entry("a"))))
                .hasMessageContaining("id a appears twice");
    }

    private static AddonEntry entry(String id) {
        return new AddonEntry(
                id, null, null, new AddonSource.Git("p", ""), id, List.of(), List.of(), false, List.of(), Map.of());
    }
}
