package dev.backstack.panel.installer.install;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.installer.helm.ChartRef;
import dev.backstack.panel.installer.plan.VersionRange;
import dev.backstack.panel.model.install.ClusterType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The panel's tested version lock, shipped in {@code resources}: every Helm chart and Crossplane
 * package an install uses, pinned, each with where the pin comes from. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionLock(String lock, Kubernetes kubernetes, List<Chart> charts, List<Package> packages) {

    static final String RESOURCE = "/dev/backstack/panel/resources/install/version-lock.yaml";

    /** The supported Kubernetes range. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kubernetes(String min, String max, String source) {
        public VersionRange range() {
            return VersionRange.of(min, max);
        }
    }

    /** A pinned Helm chart. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chart(
            String id,
            String chart,
            String repository,
            String version,
            String appVersion,
            String namespace,
            String installedBy,
            boolean retired,
            boolean optional,
            String source) {
        public ChartRef ref() {
            return new ChartRef(chart, repository, version);
        }
    }

    /** A pinned Crossplane package. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Package(
            String id, String kind, String name, String packageRef, List<String> requiredFor, String source) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Package of(
                @com.fasterxml.jackson.annotation.JsonProperty("id") String id,
                @com.fasterxml.jackson.annotation.JsonProperty("kind") String kind,
                @com.fasterxml.jackson.annotation.JsonProperty("name") String name,
                @com.fasterxml.jackson.annotation.JsonProperty("package") String packageRef,
                @com.fasterxml.jackson.annotation.JsonProperty("requiredFor") List<String> requiredFor,
                @com.fasterxml.jackson.annotation.JsonProperty("source") String source) {
            return new Package(id, kind, name, packageRef, requiredFor == null ? List.of() : requiredFor, source);
        }

        /** True when a hub of this cluster type needs the package. */
        public boolean neededFor(ClusterType type) {
            return requiredFor.contains("all")
                    || requiredFor.contains(type.name().toLowerCase(Locale.ROOT));
        }

        /** The tag, such as {@code v1.4.0}. */
        public String version() {
            return packageRef.substring(packageRef.lastIndexOf(':') + 1);
        }
    }

    /** The lock shipped with the panel. */
    public static VersionLock shipped() {
        try (InputStream in = VersionLock.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the version lock " + RESOURCE + " is missing from the panel");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version lock", e);
        }
    }

    static VersionLock parse(InputStream in) throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(in, VersionLock.class);
    }

    public Chart chart(String id) {
        return findChart(id).orElseThrow(() -> new IllegalArgumentException("no chart " + id + " in the version lock"));
    }

    public Optional<Chart> findChart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The packages a hub of this cluster type needs, in lock order. */
    public List<Package> packages(String kind, ClusterType type) {
        return packages.stream()
                .filter(p -> p.kind().equals(kind) && p.neededFor(type))
                .toList();
    }
}
