package dev.backstack.panel.installer.helm;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HelmDriver} on helm-java (Helm 3 in-process, through a native library). Charts come from
 * a local folder or {@code .tgz}, an {@code oci://} registry, or an http(s) chart repository, after
 * the {@link ChartLocator} had the chance to find them in the user's mirror folder. The cluster is
 * reached with the {@link KubeAccess} contents only ({@code withKubeConfigContents}); the user's
 * {@code ~/.kube/config} is never consulted for the target.
 *
 * <p>Behaviour: no {@code --wait} (the plan engine watches readiness); install creates the
 * namespace when it is missing; upgrade resets values to the chart's defaults plus the release's
 * values, so removing a value removes it; a release stuck in {@code pending-*} is refused with an
 * explanation instead of being touched (FAULTS T33); a server dry run talks to the cluster (name
 * conflicts, existing objects, API validation, {@code lookup}) but writes nothing.
 *
 * <p>Every call blocks (up to minutes for a remote chart); call it from a background thread, never
 * the FX thread. Stateless and safe to call from several threads; the first call of a JVM loads
 * the native library (about one second). After a template, install or upgrade it gives the
 * shutdown signals back to the JVM ({@link ShutdownSignals}).
 */
public final class HelmJavaDriver implements HelmDriver {

    private static final Logger LOG = LoggerFactory.getLogger(HelmJavaDriver.class);
    private static final Pattern CHART = Pattern.compile("^(.+?)-(v?\\d+\\.\\d+\\.\\d+.*)$");

    private final ChartLocator locator;

    /** A driver that takes charts from where their ChartRef says. */
    public HelmJavaDriver() {
        this(ChartLocator.direct());
    }

    /** A driver that first looks for charts in {@code locator}'s mirror. */
    public HelmJavaDriver(ChartLocator locator) {
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    @Override
    public String template(HelmRelease release) throws HelmException {
        ChartRef chart = locator.resolve(release.chart());
        LOG.info("Helm template of {}/{} with chart {}", release.namespace(), release.name(), chart);
        try (PreparedChart prepared = PreparedChart.prepare(chart, release.values())) {
            TemplateCommand command =
                    Helm.template(prepared.reference()).withName(release.name()).withNamespace(release.namespace());
            prepared.version().ifPresent(command::withVersion);
            prepared.repositoryConfig().ifPresent(command::withRepositoryConfig);
            prepared.valuesFile().ifPresent(command::withValuesFile);
            return command.call();
        } catch (RuntimeException e) {
            throw HelmFailures.failed("template", release.name(), release.namespace(), chart, e, null);
        } finally {
            ShutdownSignals.reclaim();
        }
    }

    @Override
    public HelmResult installOrUpgrade(HelmRelease release, KubeAccess kube, boolean serverDryRun)
            throws HelmException {
        Objects.requireNonNull(kube, "kube");
        ChartRef chart = locator.resolve(release.chart());
        Optional<HelmResult> current = status(release.name(), release.namespace(), kube, chart);
        if (current.isPresent() && inProgress(current.get().status())) {
            throw new HelmException("Helm release " + release.namespace() + "/" + release.name() + " is "
                    + current.get().status() + " (revision " + current.get().revision()
                    + "): another install, upgrade or "
                    + "rollback is running or was interrupted. Nothing was changed; roll back or uninstall it first.");
        }
        String operation = (current.isPresent() ? "upgrade" : "install") + (serverDryRun ? " (server dry run)" : "");
        LOG.info(
                "Helm {} of {}/{} with chart {} in context {}",
                operation,
                release.namespace(),
                release.name(),
                chart,
                kube.contextName());
        long started = System.nanoTime();
        try (PreparedChart prepared = PreparedChart.prepare(chart, release.values())) {
            Release result = current.isPresent()
                    ? upgrade(prepared, release, kube, serverDryRun).call()
                    : install(prepared, release, kube, serverDryRun).call();
            HelmResult helmResult = toResult(result, release.namespace());
            LOG.info(
                    "Helm {} of {}/{}: {} revision {} in {} ms",
                    operation,
                    release.namespace(),
                    release.name(),
                    helmResult.status(),
                    helmResult.revision(),
                    (System.nanoTime() - started) / 1_000_000);
            return helmResult;
        } catch (RuntimeException e) {
            throw HelmFailures.failed(operation, release.name(), release.namespace(), chart, e, kube);
        } finally {
            ShutdownSignals.reclaim();
        }
    }

    private static InstallCommand install(
            PreparedChart prepared, HelmRelease release, KubeAccess kube, boolean dryRun) {
        InstallCommand command = Helm.install(prepared.reference())
                .withName(release.name())
                .withNamespace(release.namespace())
                .createNamespace()
                .withKubeConfigContents(kube.kubeconfigYaml());
        prepared.version().ifPresent(command::withVersion);
        prepared.repositoryConfig().ifPresent(command::withRepositoryConfig);
        prepared.valuesFile().ifPresent(command::withValuesFile);
        if (dryRun) {
            command.dryRun().withDryRunOption(DryRun.SERVER);
        }
        return command;
    }

    private static UpgradeCommand upgrade(
            PreparedChart prepared, HelmRelease release, KubeAccess kube, boolean dryRun) {
        // Not upgrade().install(): helm-java 0.0.21 drops the kubeconfig contents and the
        // repository config when that falls back to an install. We decide install or upgrade.
        UpgradeCommand command = Helm.upgrade(prepared.reference())
                .withName(release.name())
                .withNamespace(release.namespace())
                .resetValues()
                .withKubeConfigContents(kube.kubeconfigYaml());
        prepared.version().ifPresent(command::withVersion);
        prepared.repositoryConfig().ifPresent(command::withRepositoryConfig);
        prepared.valuesFile().ifPresent(command::withValuesFile);
        if (dryRun) {
            command.dryRun().withDryRunOption(DryRun.SERVER);
        }
        return command;
    }

    @Override
    public Optional<HelmResult> status(String name, String namespace, KubeAccess kube) throws HelmException {
        return status(name, namespace, kube, null);
    }

    private Optional<HelmResult> status(String name, String namespace, KubeAccess kube, ChartRef chart)
            throws HelmException {
        Objects.requireNonNull(kube, "kube");
        try {
            Release release = Helm.status(name)
                    .withNamespace(namespace)
                    .withKubeConfigContents(kube.kubeconfigYaml())
                    .call();
            return Optional.of(toResult(release, namespace));
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("release: not found")) {
                return Optional.empty();
            }
            throw HelmFailures.failed("status", name, namespace, chart, e, kube);
        }
    }

    @Override
    public void uninstall(String name, String namespace, KubeAccess kube) throws HelmException {
        Objects.requireNonNull(kube, "kube");
        LOG.info("Helm uninstall of {}/{} in context {}", namespace, name, kube.contextName());
        try {
            Helm.uninstall(name)
                    .withNamespace(namespace)
                    .ignoreNotFound()
                    .withKubeConfigContents(kube.kubeconfigYaml())
                    .call();
        } catch (RuntimeException e) {
            throw HelmFailures.failed("uninstall", name, namespace, null, e, kube);
        }
    }

    private static boolean inProgress(String status) {
        return status != null && (status.startsWith("pending") || "uninstalling".equals(status));
    }

    static HelmResult toResult(Release release, String namespace) {
        String ns =
                release.getNamespace() == null || release.getNamespace().isBlank() ? namespace : release.getNamespace();
        return new HelmResult(
                release.getName(),
                ns,
                Integer.parseInt(release.getRevision().strip()),
                release.getStatus(),
                chartVersion(release.getChart()));
    }

    /** The version in Helm's {@code <name>-<version>} chart column: {@code argo-cd-7.1.0-rc.1} gives {@code 7.1.0-rc.1}. */
    static String chartVersion(String chartColumn) {
        if (chartColumn == null) {
            return "";
        }
        Matcher m = CHART.matcher(chartColumn.strip());
        return m.matches() ? m.group(2) : chartColumn.strip();
    }
}
