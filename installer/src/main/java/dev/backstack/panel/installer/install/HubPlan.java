package dev.backstack.panel.installer.install;

import static dev.backstack.panel.installer.apply.Manifests.list;
import static dev.backstack.panel.installer.apply.Manifests.map;

import dev.backstack.panel.installer.apply.Manifests;
import dev.backstack.panel.installer.helm.ChartLocator;
import dev.backstack.panel.installer.helm.ChartRef;
import dev.backstack.panel.installer.helm.HelmRelease;
import dev.backstack.panel.installer.plan.ApplyStep;
import dev.backstack.panel.installer.plan.HelmStep;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.Readiness;
import dev.backstack.panel.installer.plan.Step;
import dev.backstack.panel.installer.plan.Wait;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BACK Stack hub install as a plan, from the shipped {@link VersionLock}, the user's
 * {@link InstallProfile} and {@link Credentials}: namespaces, Crossplane v2 (Helm), an ingress
 * controller when asked, the provider runtime, the function and providers (waited Healthy), their
 * ProviderConfigs, the credentials as Secrets, the BACK Stack APIs, and the Hub claim, waited
 * until every composed Release is ready. Pure: builds objects, talks to no cluster.
 */
public final class HubPlan {

    public static final String PLAN_ID = "back-hub";
    public static final String CROSSPLANE_NS = "crossplane-system";
    public static final String CLAIM_NAMESPACE = "default";
    public static final String CLAIM_NAME = "hub";
    public static final String PROVIDER_CONFIG = "local";
    public static final String RUNTIME_CONFIG = "provider-local-admin";
    public static final String REPO_SECRET = "backstack-gitops-repo";
    static final String INSTALL = "/dev/backstack/panel/resources/install/";
    static final String APIS = INSTALL + "apis/";
    static final String GATEWAY = "backstack";
    static final List<String> API_FILES = List.of(
            "hub/definition.yaml",
            "hub/composition.yaml",
            "cluster/aks/definition.yaml",
            "cluster/aks/composition.yaml",
            "cluster/eks/definition.yaml",
            "cluster/eks/composition.yaml");

    private final VersionLock lock;
    private final InstallProfile profile;
    private final Credentials credentials;
    private final KindRegistry kinds = KindRegistry.standard();

    private HubPlan(VersionLock lock, InstallProfile profile, Credentials credentials) {
        this.lock = lock;
        this.profile = profile;
        this.credentials = credentials;
    }

    /** The plan; credentials may be empty (a preview then shows the Secrets with redacted values). */
    public static Plan build(VersionLock lock, InstallProfile profile, Credentials credentials) {
        return new HubPlan(lock, profile, credentials).plan();
    }

    private Plan plan() {
        List<Step> steps = new ArrayList<>();
        steps.add(namespaces());
        steps.add(helm(
                "crossplane",
                "Install Crossplane " + lock.chart("crossplane").appVersion(),
                "Crossplane v2 core, without the external-secret-store flag that v2 refuses.",
                Duration.ofMinutes(5),
                lock.chart("crossplane"),
                map(),
                List.of("namespaces")));
        ingress().ifPresent(steps::add);
        if (profile.ingress() == IngressChoice.GATEWAY_API) {
            steps.add(gateway());
        }
        steps.add(runtimeConfig());
        steps.add(packages("functions", "Function", "Install the composition function", "functions healthy"));
        steps.add(packages("providers", "Provider", "Install the Crossplane providers", "providers healthy"));
        steps.add(credentialsStep());
        steps.add(providerConfigs());
        steps.add(apis());
        steps.add(hubClaim());
        return new Plan(PLAN_ID, "Install a BACK Stack hub (lock " + lock.lock() + ")", steps);
    }

    private Step namespaces() {
        ApplyStep.Builder b = ApplyStep.builder("namespaces", "Create the namespaces")
                .description("The namespaces the plan writes into before their charts exist.");
        for (String ns : List.of(CROSSPLANE_NS, "argocd", "backstage")) {
            b.object(Manifests.of("v1", "Namespace", null, ns)
                    .label("app.kubernetes.io/part-of", "backstack")
                    .build());
        }
        return b.budget(Duration.ofSeconds(30)).build();
    }

    private Optional<Step> ingress() {
        String chart = profile.ingress() == IngressChoice.GATEWAY_API
                ? "envoy-gateway"
                : profile.ingress() == IngressChoice.INGRESS_NGINX ? "ingress-nginx" : null;
        if (chart == null) {
            return Optional.empty();
        }
        VersionLock.Chart c = lock.chart(chart);
        String title = profile.ingress() == IngressChoice.GATEWAY_API
                ? "Install Envoy Gateway " + c.appVersion()
                : "Install ingress-nginx " + c.appVersion() + " (retired upstream)";
        return Optional.of(helm(
                "ingress",
                title,
                profile.ingress().label() + ".",
                Duration.ofMinutes(5),
                c,
                map(),
                List.of("namespaces")));
    }

    private Step gateway() {
        return ApplyStep.builder("gateway", "Create the hub's Gateway")
                .description("A GatewayClass for Envoy Gateway and the Gateway envoy-gateway-system/" + GATEWAY
                        + " that the Hub's HTTPRoutes attach to.")
                .dependsOn("ingress")
                .budget(Duration.ofMinutes(1))
                .activatedWhen(Wait.crdEstablished("gatewayclasses.gateway.networking.k8s.io"))
                .activatedWhen(Wait.crdEstablished("gateways.gateway.networking.k8s.io"))
                .objects(Manifests.classpath(INSTALL + "gateway/envoy-gateway.yaml"))
                .build();
    }

    private Map<String, Object> ingressParameters() {
        return switch (profile.ingress()) {
            case GATEWAY_API ->
                map(
                        "mode",
                        "gateway",
                        "gatewayName",
                        GATEWAY,
                        "gatewayNamespace",
                        lock.chart("envoy-gateway").namespace());
            case INGRESS_NGINX -> map("mode", "ingress", "className", "nginx");
            case EXISTING -> map("mode", "ingress");
        };
    }

    private Step helm(
            String id,
            String title,
            String description,
            Duration budget,
            VersionLock.Chart c,
            Map<String, Object> values,
            List<String> dependsOn) {
        HelmRelease release = new HelmRelease(
                c.chart().equals("gateway-helm") ? "eg" : c.chart(), c.namespace(), chartRef(c), values);
        List<KindInfo> writes = List.of(
                kind("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
                kind("rbac.authorization.k8s.io/v1", "ClusterRole"),
                kind("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
                kind("rbac.authorization.k8s.io/v1", "Role"),
                kind("rbac.authorization.k8s.io/v1", "RoleBinding"),
                kind("v1", "ServiceAccount"),
                kind("v1", "Service"),
                kind("v1", "Secret"),
                kind("v1", "ConfigMap"),
                kind("apps/v1", "Deployment"),
                kind("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
                kind("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"));
        return new HelmStep(id, title, description, dependsOn, budget, release, writes);
    }

    private ChartRef chartRef(VersionLock.Chart c) {
        return profile.chartMirror().isEmpty()
                ? c.ref()
                : ChartLocator.withMirror(java.nio.file.Path.of(profile.chartMirror()))
                        .resolve(c.ref());
    }

    private Step runtimeConfig() {
        return ApplyStep.builder("runtime-config", "Configure the in-cluster providers' runtime")
                .description("A DeploymentRuntimeConfig whose service account is bound to cluster-admin, for the "
                        + "helm and kubernetes providers that install the hub's parts into this cluster.")
                .dependsOn("crossplane")
                .budget(Duration.ofMinutes(1))
                .activatedWhen(Wait.crdEstablished("deploymentruntimeconfigs.pkg.crossplane.io"))
                .object(Manifests.of("pkg.crossplane.io/v1beta1", "DeploymentRuntimeConfig", null, RUNTIME_CONFIG)
                        .spec(map("serviceAccountTemplate", map("metadata", map("name", RUNTIME_CONFIG))))
                        .build())
                .object(Manifests.of(
                                "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, RUNTIME_CONFIG + "-binding")
                        .set(
                                "roleRef",
                                map(
                                        "apiGroup",
                                        "rbac.authorization.k8s.io",
                                        "kind",
                                        "ClusterRole",
                                        "name",
                                        "cluster-admin"))
                        .set(
                                "subjects",
                                list(map("kind", "ServiceAccount", "name", RUNTIME_CONFIG, "namespace", CROSSPLANE_NS)))
                        .build())
                .build();
    }

    private Step packages(String id, String kind, String title, String label) {
        List<VersionLock.Package> pins = lock.packages(kind, profile.clusterType());
        String plural = kind.toLowerCase() + "s";
        ApplyStep.Builder b = ApplyStep.builder(id, title + " (" + pins.size() + ")")
                .description("Fully qualified packages from the version lock, waited until Healthy.")
                .dependsOn(id.equals("functions") ? "crossplane" : "runtime-config")
                .budget(Duration.ofMinutes(id.equals("providers") ? 10 : 5))
                .activatedWhen(Wait.crdEstablished(plural + ".pkg.crossplane.io"));
        List<String> names = new ArrayList<>();
        for (VersionLock.Package p : pins) {
            Map<String, Object> spec = map("package", p.packageRef(), "skipDependencyResolution", true);
            if (kind.equals("Provider") && p.neededFor(ClusterType.LOCAL)) {
                spec.put("runtimeConfigRef", map("name", RUNTIME_CONFIG));
            }
            b.object(Manifests.of("pkg.crossplane.io/v1", kind, null, p.name())
                    .spec(spec)
                    .build());
            names.add(p.name());
        }
        return b.readyWhen(
                        Wait.forNames(label, kind("pkg.crossplane.io/v1", kind), null, names, Readiness.crossplane()))
                .build();
    }

    private Step credentialsStep() {
        ApplyStep.Builder b = ApplyStep.builder("credentials", "Store the credentials as Kubernetes Secrets")
                .description("The GitHub token for Argo CD's repository access and for Backstage"
                        + (profile.clusterType() == ClusterType.LOCAL
                                ? ""
                                : ", and the cloud credentials for the " + "providers")
                        + ". Values are shown redacted and never leave these Secrets.")
                .dependsOn("namespaces")
                .budget(Duration.ofSeconds(30));
        b.object(secret(
                "argocd",
                REPO_SECRET,
                Map.of("argocd.argoproj.io/secret-type", "repository"),
                map(
                        "type",
                        "git",
                        "url",
                        profile.repository(),
                        "username",
                        "git",
                        "password",
                        credentials.githubToken().reveal())));
        b.object(secret(
                "backstage",
                "backstage",
                Map.of(),
                map("GITHUB_TOKEN", credentials.githubToken().reveal())));
        if (profile.clusterType() == ClusterType.EKS) {
            b.object(secret(
                    CROSSPLANE_NS,
                    "aws-secret",
                    Map.of(),
                    map("credentials", credentials.awsCredentials().reveal())));
        }
        if (profile.clusterType() == ClusterType.AKS) {
            b.object(secret(
                    CROSSPLANE_NS,
                    "azure-secret",
                    Map.of(),
                    map("credentials", credentials.azureCredentials().reveal())));
        }
        return b.build();
    }

    private static GenericKubernetesResource secret(
            String ns, String name, Map<String, String> labels, Map<String, Object> stringData) {
        Manifests m =
                Manifests.of("v1", "Secret", ns, name).label("app.kubernetes.io/managed-by", "back-stack-desktop");
        labels.forEach(m::label);
        return m.set("type", "Opaque").set("stringData", stringData).build();
    }

    private Step providerConfigs() {
        ApplyStep.Builder b = ApplyStep.builder("provider-configs", "Configure the providers")
                .description("ProviderConfigs named \"local\" (injected identity) for the helm and kubernetes "
                        + "providers"
                        + (profile.clusterType() == ClusterType.LOCAL
                                ? "."
                                : ", and \"default\" for the cloud provider, reading its credentials Secret."))
                .dependsOn("providers", "credentials")
                .budget(Duration.ofMinutes(2))
                .activatedWhen(Wait.crdEstablished("providerconfigs.helm.crossplane.io"))
                .activatedWhen(Wait.crdEstablished("providerconfigs.kubernetes.crossplane.io"));
        Map<String, Object> injected = map("credentials", map("source", "InjectedIdentity"));
        b.object(Manifests.of("helm.crossplane.io/v1beta1", "ProviderConfig", null, PROVIDER_CONFIG)
                .spec(injected)
                .build());
        b.object(Manifests.of("kubernetes.crossplane.io/v1alpha1", "ProviderConfig", null, PROVIDER_CONFIG)
                .spec(map("credentials", map("source", "InjectedIdentity")))
                .build());
        if (profile.clusterType() != ClusterType.LOCAL) {
            boolean aws = profile.clusterType() == ClusterType.EKS;
            String group = aws ? "aws.upbound.io" : "azure.upbound.io";
            b.activatedWhen(Wait.crdEstablished("providerconfigs." + group));
            b.object(Manifests.of(group + "/v1beta1", "ProviderConfig", null, "default")
                    .spec(map(
                            "credentials",
                            map(
                                    "source",
                                    "Secret",
                                    "secretRef",
                                    map(
                                            "namespace",
                                            CROSSPLANE_NS,
                                            "name",
                                            aws ? "aws-secret" : "azure-secret",
                                            "key",
                                            "credentials"))))
                    .build());
        }
        return b.build();
    }

    private Step apis() {
        ApplyStep.Builder b = ApplyStep.builder("apis", "Install the BACK Stack APIs")
                .description("The backstack.dev/v1alpha1 APIs (Hub, AKSCluster, EKSCluster) with pipeline-mode "
                        + "Compositions, compatible with the reference implementation's claims and templates.")
                .dependsOn("functions", "provider-configs")
                .budget(Duration.ofMinutes(3))
                .activatedWhen(Wait.crdEstablished("compositeresourcedefinitions.apiextensions.crossplane.io"));
        List<String> xrds = new ArrayList<>();
        for (String file : API_FILES) {
            for (GenericKubernetesResource o : Manifests.classpath(APIS + file)) {
                b.object(o);
                if (o.getKind().equals("CompositeResourceDefinition")) {
                    xrds.add(o.getMetadata().getName());
                }
            }
        }
        return b.readyWhen(Wait.forNames(
                        "APIs established",
                        kind("apiextensions.crossplane.io/v1", "CompositeResourceDefinition"),
                        null,
                        xrds,
                        Readiness.conditions("Established", "Offered")))
                .build();
    }

    private Step hubClaim() {
        Map<String, Object> params = map(
                "clusterId",
                PROVIDER_CONFIG,
                "repository",
                profile.repository(),
                "backstage",
                map("host", profile.backstageHost(), "image", image(profile.backstageImage())),
                "argocd",
                map("host", profile.argocdHost()),
                "vault",
                map("host", profile.vaultHost(), "enabled", profile.vault()),
                "ingress",
                ingressParameters());
        int releases = profile.vault() ? 5 : 4;
        return ApplyStep.builder("hub", "Create the Hub claim")
                .description("Crossplane composes cert-manager, Argo CD, Backstage and Kyverno"
                        + (profile.vault() ? " and Vault" : "")
                        + " as Helm releases, and the Argo CD applications that sync the "
                        + "GitOps repository. The step waits for every composed release, then for the claim.")
                .dependsOn(
                        profile.ingress() == IngressChoice.GATEWAY_API
                                ? new String[] {"apis", "credentials", "gateway"}
                                : new String[] {"apis", "credentials"})
                .budget(Duration.ofMinutes(20))
                .activatedWhen(Wait.crdEstablished("hubs.backstack.dev"))
                .object(Manifests.of("backstack.dev/v1alpha1", "Hub", CLAIM_NAMESPACE, CLAIM_NAME)
                        .spec(map("parameters", params))
                        .build())
                .readyWhen(Wait.forSelector(
                        "hub releases ready",
                        kind("helm.crossplane.io/v1beta1", "Release"),
                        null,
                        "crossplane.io/claim-name=" + CLAIM_NAME,
                        releases,
                        Readiness.crossplane()))
                .readyWhen(Wait.forNames(
                        "Hub claim ready",
                        kind("backstack.dev/v1alpha1", "Hub"),
                        CLAIM_NAMESPACE,
                        List.of(CLAIM_NAME),
                        Readiness.crossplane()))
                .build();
    }

    /** {@code ghcr.io/back-stack/showcase-backstage:latest} as the reference's registry/repository/tag. */
    static Map<String, Object> image(String ref) {
        String name = ref;
        String tag = "latest";
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            name = ref.substring(0, colon);
            tag = ref.substring(colon + 1);
        }
        int slash = name.indexOf('/');
        boolean registry = slash > 0 && name.substring(0, slash).contains(".");
        return map(
                "registry",
                registry ? name.substring(0, slash) : "docker.io",
                "repository",
                registry ? name.substring(slash + 1) : name,
                "tag",
                tag);
    }

    private KindInfo kind(String apiVersion, String kind) {
        return kinds.require(apiVersion, kind);
    }
}
