package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoke claims as the reference's Backstage templates write them
 * ({@code backstage/catalog/templates/cluster/{aks,eks}/skeleton}), with the template's
 * {@code ${{ values.x }}} placeholders filled in.
 */
final class ReferenceClaims {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\{\\s*values\\.(\\w+)\\s*}}");

    private ReferenceClaims() {}

    /**
     * The AKS claim. The reference skeleton leaves {@code version: ${{ values.version }}}
     * unquoted (its versions had a patch part, "1.28.5"); a minor-version alias such as 1.34
     * then reads as a number. {@code quoteVersion} applies the EKS skeleton's quoting to it.
     */
    static JsonNode aks(boolean quoteVersion) {
        return fill(
                "backstage/catalog/templates/cluster/aks/skeleton/example.AKSCluster.yaml",
                quoteVersion,
                Map.of(
                        "cluster_id",
                        "spoke-aks",
                        "region",
                        "westeurope",
                        "version",
                        "1.34",
                        "nodes_count",
                        "3",
                        "nodes_instance_type",
                        "Standard_D2s_v5"));
    }

    static JsonNode eks() {
        return fill(
                "backstage/catalog/templates/cluster/eks/skeleton/example.EKSCluster.yaml",
                false,
                Map.of(
                        "cluster_id",
                        "spoke-eks",
                        "region",
                        "eu-central-1",
                        "version",
                        "1.34",
                        "nodes_count",
                        "2",
                        "nodes_instance_type",
                        "t3.medium",
                        "iam_role_arn",
                        "arn:aws:iam::123456789012:role/platform-admin"));
    }

    private static JsonNode fill(String relative, boolean quoteVersion, Map<String, String> values) {
        try {
            String text = Files.readString(SharedDir.referenceFile(relative));
            if (quoteVersion) {
                text = text.replace("version: ${{ values.version }}", "version: \"${{ values.version }}\"");
            }
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException(
                            relative + " uses " + m.group(1) + ", which the test does not fill");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return Yamls.parse(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
