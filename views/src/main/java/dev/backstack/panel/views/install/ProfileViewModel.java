package dev.backstack.panel.views.install;

import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile page: cluster type, host names (nip.io defaults), GitOps repository, Vault,
 * ingress, chart mirror. Inputs are plain properties the view binds both ways; every change
 * rebuilds the {@link InstallProfile} and its problems, each shown under its field. No
 * scene-graph code; call on the FX thread.
 */
public final class ProfileViewModel {

    private final ObjectProperty<ClusterType> clusterType = new SimpleObjectProperty<>();
    private final StringProperty repository = new SimpleStringProperty();
    private final StringProperty backstageHost = new SimpleStringProperty();
    private final StringProperty argocdHost = new SimpleStringProperty();
    private final StringProperty vaultHost = new SimpleStringProperty();
    private final BooleanProperty vault = new SimpleBooleanProperty();
    private final ObjectProperty<IngressChoice> ingress = new SimpleObjectProperty<>();
    private final StringProperty chartMirror = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<InstallProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final Map<ProfileField, ReadOnlyStringWrapper> fieldProblems = new EnumMap<>(ProfileField.class);
    private final ReadOnlyStringWrapper ingressWarning = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.isEmpty(problems);
    private String backstageImage;

    public ProfileViewModel(InstallProfile initial) {
        for (ProfileField f : ProfileField.values()) {
            fieldProblems.put(f, new ReadOnlyStringWrapper(""));
        }
        clusterType.set(initial.clusterType());
        repository.set(initial.repository());
        backstageHost.set(initial.backstageHost());
        argocdHost.set(initial.argocdHost());
        vaultHost.set(initial.vaultHost());
        vault.set(initial.vault());
        ingress.set(initial.ingress());
        chartMirror.set(initial.chartMirror());
        backstageImage = initial.backstageImage();
        List<ObservableValue<?>> inputs =
                List.of(clusterType, repository, backstageHost, argocdHost, vaultHost, vault, ingress, chartMirror);
        inputs.forEach(in -> in.addListener((o, a, b) -> rebuild()));
        rebuild();
    }

    private void rebuild() {
        InstallProfile p = new InstallProfile(
                clusterType.get() == null ? ClusterType.LOCAL : clusterType.get(),
                repository.get(),
                backstageHost.get(),
                argocdHost.get(),
                vaultHost.get(),
                vault.get(),
                ingress.get() == null ? IngressChoice.GATEWAY_API : ingress.get(),
                backstageImage,
                chartMirror.get());
        List<String> all = new ArrayList<>(p.problems());
        mirrorProblem(p.chartMirror()).ifPresent(all::add);
        profile.set(p);
        if (!all.equals(problems)) {
            problems.setAll(all);
        }
        fieldProblems.forEach((f, prop) -> prop.set(String.join(
                "\n",
                all.stream()
                        .filter(f::owns)
                        .map(m -> m.substring(f.label().length() + 1).strip())
                        .toList())));
        ingressWarning.set(
                p.ingress().retired()
                        ? "ingress-nginx was retired upstream in March 2026 and gets no "
                                + "security fixes. Prefer Envoy Gateway unless you depend on nginx annotations."
                        : "");
    }

    private static Optional<String> mirrorProblem(String mirror) {
        if (mirror.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (Files.isDirectory(Path.of(mirror))) {
                return Optional.empty();
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        return Optional.of(ProfileField.CHART_MIRROR.label() + ": \"" + mirror
                + "\" is not a folder; leave it empty to use the public chart repositories");
    }

    /** The profile as entered; its problems are in {@link #problems()}. */
    public ReadOnlyObjectProperty<InstallProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public InstallProfile profile() {
        return profile.get();
    }

    /** Every problem, each starting with its field's name. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The problems of one field, without the field's name; empty when it is fine. */
    public ReadOnlyStringProperty problemProperty(ProfileField field) {
        return fieldProblems.get(field).getReadOnlyProperty();
    }

    /** A warning about the chosen ingress (ingress-nginx is retired); empty otherwise. */
    public ReadOnlyStringProperty ingressWarningProperty() {
        return ingressWarning.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ObjectProperty<ClusterType> clusterTypeProperty() {
        return clusterType;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty backstageHostProperty() {
        return backstageHost;
    }

    public StringProperty argocdHostProperty() {
        return argocdHost;
    }

    public StringProperty vaultHostProperty() {
        return vaultHost;
    }

    public BooleanProperty vaultProperty() {
        return vault;
    }

    public ObjectProperty<IngressChoice> ingressProperty() {
        return ingress;
    }

    public StringProperty chartMirrorProperty() {
        return chartMirror;
    }
}
