package dev.backstack.panel.installer.helm;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chart made ready for one helm-java call: the reference Helm locates (a local path, an
 * {@code oci://} reference, or {@code <alias>/<name>} in a repository config of this call's own),
 * the version for remote charts, and the values as a YAML file. helm-java's {@code set} turns
 * every value into a string that Helm re-types ({@code "8080"} becomes a number) and cannot name
 * keys with dots, so values go in a file, written in an owner-only temporary folder that
 * {@link #close()} deletes. Values never hold secrets by contract; they are never logged.
 *
 * <p>One instance per call on one thread; not thread-safe.
 */
final class PreparedChart implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedChart.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final ChartRef chart;
    private Path workDir;
    private String reference;
    private Path repositoryConfig;
    private Path valuesFile;

    private PreparedChart(ChartRef chart) {
        this.chart = chart;
    }

    /**
     * Prepares {@code chart} (already resolved against the mirror) with {@code values}. For an
     * http(s) repository this adds the repository to a temporary repository config, which
     * downloads its index (into Helm's cache folder).
     */
    static PreparedChart prepare(ChartRef chart, Map<String, Object> values) throws HelmException {
        PreparedChart prepared = new PreparedChart(chart);
        try {
            prepared.locate();
            if (!values.isEmpty()) {
                prepared.valuesFile =
                        Files.createFile(prepared.workDir().resolve("values.yaml"), ownerOnly("rw-------"));
                YAML.writeValue(prepared.valuesFile.toFile(), values);
            }
            return prepared;
        } catch (IOException | RuntimeException e) {
            prepared.close();
            throw new HelmException("Preparing chart " + chart + " failed: " + HelmFailures.clean(e, Set.of()));
        } catch (HelmException e) {
            prepared.close();
            throw e;
        }
    }

    private void locate() throws IOException, HelmException {
        if (chart.isLocal()) {
            Path path = Path.of(chart.repository()).toAbsolutePath().normalize();
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("Chart.yaml"))) {
                Optional<String> problem = ChartLocator.folderProblem(path, chart);
                if (problem.isPresent()) {
                    throw new HelmException("Chart folder " + path + " is not " + chart.name() + " " + chart.version()
                            + ": " + problem.get());
                }
            }
            reference = path.toString();
        } else if (chart.isOci()) {
            reference = trimSlash(chart.repository()) + "/" + chart.name();
        } else {
            String alias = alias(chart.repository());
            repositoryConfig = workDir().resolve("repositories.yaml");
            try {
                Helm.repo()
                        .add()
                        .withRepositoryConfig(repositoryConfig)
                        .withName(alias)
                        .withUrl(URI.create(trimSlash(chart.repository())))
                        .call();
            } catch (RuntimeException e) {
                throw new HelmException("Chart repository " + chart.repository() + " (for chart " + chart.name() + " "
                        + chart.version() + ") cannot be used: " + HelmFailures.clean(e, Set.of()));
            }
            reference = alias + "/" + chart.name();
        }
    }

    /** What Helm locates: a path, an {@code oci://} reference, or {@code alias/name}. */
    String reference() {
        return reference;
    }

    /** The exact version to ask for; empty for local charts (Helm ignores it there). */
    Optional<String> version() {
        return chart.isLocal() ? Optional.empty() : Optional.of(chart.version());
    }

    /** The repository config naming this call's repository, for http(s) repositories. */
    Optional<Path> repositoryConfig() {
        return Optional.ofNullable(repositoryConfig);
    }

    /** The values file, when there are values. */
    Optional<Path> valuesFile() {
        return Optional.ofNullable(valuesFile);
    }

    private Path workDir() throws IOException {
        if (workDir == null) {
            workDir = Files.createTempDirectory("backstack-helm-", ownerOnly("rwx------"));
        }
        return workDir;
    }

    /** Deletes this call's temporary folder (values file, repository config); never throws. */
    @Override
    public void close() {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the temporary Helm folder {}: {}", workDir, e.toString());
        }
        if (Files.exists(workDir)) {
            LOG.warn("The temporary Helm folder {} is still there", workDir);
        }
    }

    /** A stable repository name for a URL, so Helm's index cache is reused between calls. */
    static String alias(String repositoryUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(trimSlash(repositoryUrl).getBytes(StandardCharsets.UTF_8));
            return "backstack-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
            };
        }
        return new FileAttribute<?>[0]; // Windows: the per-user temporary folder's ACL applies
    }
}
