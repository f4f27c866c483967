package dev.backstack.panel.model.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The choices of a hub install, without secrets: what the profile page of the wizard edits and
 * what a profile file holds for the headless install. Immutable; {@code with...} return copies.
 *
 * @param repository     the GitOps repository Argo CD syncs cluster claims from
 * @param backstageImage the Backstage image the Hub runs
 * @param chartMirror    a local folder of chart archives for air-gapped installs; empty for the public sources
 */
public record InstallProfile(
        ClusterType clusterType,
        String repository,
        String backstageHost,
        String argocdHost,
        String vaultHost,
        boolean vault,
        IngressChoice ingress,
        String backstageImage,
        String chartMirror) {

    /** The default host suffix: nip.io resolving to 127.0.0.1, as the reference does. */
    public static final String LOCAL_SUFFIX = "-7f000001.nip.io";

    public static final String DEFAULT_IMAGE = "ghcr.io/back-stack/showcase-backstage:latest";
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+");
    private static final Pattern REPO = Pattern.compile("https://[^\\s/]+/\\S+|git@[^\\s:]+:\\S+");

    public InstallProfile {
        Objects.requireNonNull(clusterType, "clusterType");
        repository = Objects.requireNonNullElse(repository, "").strip();
        backstageHost = Objects.requireNonNullElse(backstageHost, "").strip();
        argocdHost = Objects.requireNonNullElse(argocdHost, "").strip();
        vaultHost = Objects.requireNonNullElse(vaultHost, "").strip();
        Objects.requireNonNull(ingress, "ingress");
        backstageImage =
                Objects.requireNonNullElse(backstageImage, DEFAULT_IMAGE).strip();
        chartMirror = Objects.requireNonNullElse(chartMirror, "").strip();
    }

    /** A local install with nip.io host names, Envoy Gateway, no Vault, and no repository yet. */
    public static InstallProfile defaults() {
        return new InstallProfile(
                ClusterType.LOCAL,
                "",
                "backstage" + LOCAL_SUFFIX,
                "argocd" + LOCAL_SUFFIX,
                "vault" + LOCAL_SUFFIX,
                false,
                IngressChoice.GATEWAY_API,
                DEFAULT_IMAGE,
                "");
    }

    /** Every problem with the profile, at once, each naming its field. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!REPO.matcher(repository).matches()) {
            out.add(
                    "GitOps repository: an https:// or git@ URL is needed, such as https://github.com/acme/platform-gitops");
        }
        host(out, "Backstage host", backstageHost);
        host(out, "Argo CD host", argocdHost);
        if (vault) {
            host(out, "Vault host", vaultHost);
        }
        if (backstageImage.isEmpty() || backstageImage.contains(" ")) {
            out.add("Backstage image: an image reference is needed, such as " + DEFAULT_IMAGE);
        }
        return out;
    }

    private static void host(List<String> out, String field, String value) {
        if (!HOST.matcher(value).matches()) {
            out.add(field + ": \"" + value + "\" is not a DNS host name (lower case letters, digits, dots, dashes)");
        }
    }

    /** True when the GitOps repository is on GitHub (pull-request links, token scopes). */
    public boolean onGitHub() {
        return repository.startsWith("https://github.com/") || repository.startsWith("git@github.com:");
    }

    public InstallProfile withClusterType(ClusterType t) {
        return new InstallProfile(
                t, repository, backstageHost, argocdHost, vaultHost, vault, ingress, backstageImage, chartMirror);
    }

    public InstallProfile withRepository(String r) {
        return new InstallProfile(
                clusterType, r, backstageHost, argocdHost, vaultHost, vault, ingress, backstageImage, chartMirror);
    }

    public InstallProfile withHosts(String backstage, String argocd, String vaultH) {
        return new InstallProfile(
                clusterType, repository, backstage, argocd, vaultH, vault, ingress, backstageImage, chartMirror);
    }

    public InstallProfile withVault(boolean v) {
        return new InstallProfile(
                clusterType, repository, backstageHost, argocdHost, vaultHost, v, ingress, backstageImage, chartMirror);
    }

    public InstallProfile withIngress(IngressChoice i) {
        return new InstallProfile(
                clusterType, repository, backstageHost, argocdHost, vaultHost, vault, i, backstageImage, chartMirror);
    }

    public InstallProfile withChartMirror(String m) {
        return new InstallProfile(
                clusterType, repository, backstageHost, argocdHost, vaultHost, vault, ingress, backstageImage, m);
    }
}
