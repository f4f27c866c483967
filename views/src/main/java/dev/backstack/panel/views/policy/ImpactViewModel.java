package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.cel.NamespaceImpact;
import dev.backstack.panel.installer.policy.cel.ObjectImpact;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The impact page: for each target cluster and chosen policy, how many existing objects its
 * rules refuse (the panel's own evaluation of the CEL) and what Kyverno already reported for it,
 * with the refused objects and their messages for the selected row. Computed in the background;
 * going on does not wait for it. No scene-graph code; call on the FX thread.
 */
public final class ImpactViewModel {

    /** One cluster and policy. */
    public record Row(PolicyImpact impact) {
        public String cluster() {
            return impact.cluster();
        }

        public String policy() {
            return impact.selection().entry().id();
        }

        public String mode() {
            return impact.selection().mode().title();
        }

        /** {@code 3 of 12}, or the problem. */
        public String refused() {
            return impact.problem() != null
                    ? "not evaluated"
                    : impact.blockedCount() + " of "
                            + impact.evaluated().objects().size();
        }

        public String reported() {
            return impact.reported().isEmpty() ? "" : impact.reported().size() + " failing";
        }
    }

    private final TaskExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private List<PolicyImpact> impact = List.of();
    private BackgroundTask<List<PolicyImpact>> running;
    private int generation;

    public ImpactViewModel(TaskExecutor executor) {
        this.executor = executor;
        selected.addListener((o, a, b) -> detail.set(b == null ? "" : detailOf(b.impact())));
    }

    /** Evaluates again (the policies or targets changed). */
    public void load(Callable<List<PolicyImpact>> source) {
        int gen = ++generation;
        if (running != null) {
            running.cancel();
        }
        rows.clear();
        impact = List.of();
        loading.set(true);
        summary.set("Evaluating the policies against the objects on each cluster\u2026");
        running = BackgroundTask.wrap(ctx -> source.call())
                .onSuccess(list -> {
                    if (gen == generation) {
                        impact = List.copyOf(list);
                        rows.setAll(list.stream().map(Row::new).toList());
                        summary.set(summaryOf(list));
                        selected.set(rows.stream()
                                .filter(r -> r.impact().blockedCount() > 0)
                                .findFirst()
                                .orElse(rows.isEmpty() ? null : rows.get(0)));
                    }
                })
                .onFailure(e -> {
                    if (gen == generation) {
                        summary.set("The impact could not be evaluated: " + e.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (gen == generation) {
                        loading.set(false);
                    }
                });
        executor.execute(running);
    }

    static String summaryOf(List<PolicyImpact> list) {
        int enforced = list.stream()
                .filter(i -> i.selection().mode() == PolicyMode.ENFORCE)
                .mapToInt(PolicyImpact::blockedCount)
                .sum();
        int all = list.stream().mapToInt(PolicyImpact::blockedCount).sum();
        long clusters = list.stream().map(PolicyImpact::cluster).distinct().count();
        return "On " + clusters + (clusters == 1 ? " cluster" : " clusters") + ", the chosen policies would refuse "
                + all + " existing objects; " + enforced + " of them under Enforce (refused at their next create or "
                + "update). Audit only reports.";
    }

    static String detailOf(PolicyImpact i) {
        StringBuilder s = new StringBuilder(i.summary()).append('\n');
        if (i.evaluated() != null) {
            for (NamespaceImpact n : i.evaluated().byNamespace()) {
                s.append("\n")
                        .append(n.namespace().isEmpty() ? "(cluster-scoped)" : n.namespace())
                        .append(": ")
                        .append(n.blockedCount())
                        .append(" of ")
                        .append(n.matched())
                        .append(" refused");
            }
            s.append("\n");
            for (ObjectImpact o : i.evaluated().blockedObjects()) {
                s.append("\n").append(o.label()).append("\n    ").append(o.message());
            }
        }
        if (!i.reported().isEmpty()) {
            s.append("\n\nAlready reported by Kyverno (Audit):");
            i.reported()
                    .forEach(r -> s.append("\n")
                            .append(r.kind())
                            .append(' ')
                            .append(r.namespace())
                            .append('/')
                            .append(r.name())
                            .append("\n    ")
                            .append(r.message()));
        }
        return s.toString();
    }

    /** The last evaluation, for the preflight's warnings. */
    public List<PolicyImpact> impact() {
        return impact;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
