package dev.backstack.panel.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code policies list|render|apply} reads its flags. */
class PoliciesOptionsTest {

    /** The parsed options as one line, only the fields that differ from the defaults. */
    private static String describe(PoliciesOptions o) {
        List<String> s = new ArrayList<>(List.of(o.action()));
        add(s, "policies", o.policies(), List.of());
        add(s, "modes", o.modes(), java.util.Map.of());
        add(s, "values", o.values(), java.util.Map.of());
        add(s, "exclude", o.exclude(), List.of());
        add(s, "to", o.to(), List.of("hub"));
        add(s, "selector", o.selector(), java.util.Map.of());
        o.kyverno().ifPresent(k -> s.add("kyverno=" + k));
        o.gitops().ifPresent(g -> s.add("gitops=" + g));
        add(s, "base", o.base(), "main");
        o.branch().ifPresent(b -> s.add("branch=" + b));
        add(s, "plan", o.plan(), false);
        add(s, "dryRun", o.dryRun(), false);
        add(s, "impact", o.impact(), false);
        add(s, "overrides", o.overrides(), List.of());
        add(s, "output", o.output(), "table");
        add(s, "demo", o.common().demo(), false);
        o.common().kubeconfig().ifPresent(k -> s.add("kubeconfig=" + k));
        o.common().context().ifPresent(c -> s.add("context=" + c));
        add(s, "spokes", o.common().spokes(), List.of());
        add(s, "help", o.common().help(), false);
        return String.join(" ", s);
    }

    private static void add(List<String> s, String name, Object value, Object unset) {
        if (!value.equals(unset)) {
            s.add(name + "=" + value);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "list                                   | list",
                "list -o json                           | list output=json",
                "list --output table --help             | list help=true",
                "render --policy require-probes --policy require-labels --mode require-labels=enforce"
                        + " --set require-labels.labels=team,app --exclude kube-system --exclude team-a --kyverno v1.11.4"
                        + " | render policies=[require-probes, require-labels] modes={require-labels=enforce}"
                        + " values={require-labels.labels=team,app} exclude=[kube-system, team-a] kyverno=v1.11.4",
                "apply --demo --to hub --to spoke-1 --policy disallow-latest-tag --plan"
                        + " | apply policies=[disallow-latest-tag] to=[hub, spoke-1] plan=true demo=true",
                "apply --kubeconfig /tmp/k.yaml --context hub --spoke spoke-1 --spoke spoke-2 --to spokes --policy p"
                        + " --gitops https://github.com/acme/gitops --base trunk --branch backstack/p --selector team=a"
                        + " --selector tier=gold --dry-run --impact --accept-warning legacy-spoke-1 --accept-warning w2"
                        + " | apply policies=[p] to=[spokes] selector={team=a, tier=gold} gitops=https://github.com/acme/gitops"
                        + " base=trunk branch=backstack/p dryRun=true impact=true overrides=[legacy-spoke-1, w2]"
                        + " kubeconfig=/tmp/k.yaml context=hub spokes=[spoke-1, spoke-2]",
                "apply --policy p --set p.registries=ghcr.io/,quay.io/ --set p.x=a=b --mode p=Audit"
                        + " | apply policies=[p] modes={p=Audit} values={p.registries=ghcr.io/,quay.io/, p.x=a=b}",
            })
    @DisplayName("reads every flag: repeatable ones in order, KEY=VALUE pairs trimmed, the connection flags passed on")
    void parses(String args, String expected) {
        assertThat(describe(PoliciesOptions.parse(argv(args)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                | policies needs list, render or apply",
                "delete                            | policies needs list, render or apply",
                "--demo apply                      | policies needs list, render or apply",
                "apply --frobnicate                | unknown argument: --frobnicate",
                "apply --policy                    | --policy needs a value",
                "apply --policy --plan             | --policy needs a value",
                "apply --mode enforce              | --mode needs KEY=VALUE, not enforce",
                "apply --set =3                    | --set needs KEY=VALUE, not =3",
                "apply --selector clusterType      | --selector needs KEY=VALUE, not clusterType",
                "list --output yaml                | --output must be table or json, not yaml",
                "apply --plan --dry-run            | --plan and --dry-run are separate steps: choose one",
                "apply --context                   | --context needs a value",
            })
    @DisplayName("a bad command line is refused with a message that says what is wrong")
    void refuses(String args, String message) {
        assertThatThrownBy(() -> PoliciesOptions.parse(argv(args)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("KEY=VALUE pairs are trimmed around the key and the value, as a shell passes them in one word")
    void pairsAreTrimmed() {
        PoliciesOptions o = PoliciesOptions.parse(
                "policies",
                "apply",
                "--set",
                " p.labels = team, app ",
                "--mode",
                "p = enforce",
                "--selector",
                "team = a");

        assertThat(o.values()).containsExactly(java.util.Map.entry("p.labels", "team, app"));
        assertThat(o.modes()).containsExactly(java.util.Map.entry("p", "enforce"));
        assertThat(o.selector()).containsExactly(java.util.Map.entry("team", "a"));
    }

    /** {@code policies} followed by the words of {@code args}. */
    private static String[] argv(String args) {
        List<String> out = new ArrayList<>(List.of("policies"));
        if (!args.isBlank()) {
            out.addAll(List.of(args.strip().split("\\s+")));
        }
        return out.toArray(String[]::new);
    }
}
