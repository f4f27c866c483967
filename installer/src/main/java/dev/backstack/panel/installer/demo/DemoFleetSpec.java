package dev.backstack.panel.installer.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The demo fleet's description, read from the {@code resources} module. */
record DemoFleetSpec(Hub hub, List<Spoke> spokes) {

    static final String RESOURCE = "/dev/backstack/panel/resources/demo/fleet.yaml";

    record Hub(String name, String kubernetesVersion, Map<String, String> hosts, Map<String, Part> components) {}

    record Part(String namespace, String chart, String chartVersion, String appVersion) {}

    /**
     * @param kyverno     the spoke's Kyverno version (default the reference's v1.11.4)
     * @param openReports whether the spoke's Kyverno also writes {@code openreports.io} reports
     */
    record Spoke(
            String name,
            String claim,
            String region,
            String kubernetesVersion,
            String kyverno,
            String story,
            boolean openReports) {

        /** The spoke's Kyverno, as its chart and version. */
        Part kyvernoPart() {
            String version = kyverno == null ? "v1.11.4" : kyverno;
            String chart = switch (version.replaceAll("^v?1\\.(\\d+).*", "$1")) {
                case "20" -> "3.10.0";
                case "19" -> "3.9.0";
                default -> "3.1.4";
            };
            return new Part("kyverno", "kyverno", chart, version);
        }
    }

    static DemoFleetSpec load() {
        try (InputStream in = DemoFleetSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo fleet description missing from the classpath: " + RESOURCE);
            }
            return new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, DemoFleetSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo fleet description", e);
        }
    }
}
