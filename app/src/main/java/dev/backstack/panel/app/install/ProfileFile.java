package dev.backstack.panel.app.install;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.install.ClusterType;
import dev.backstack.panel.model.install.IngressChoice;
import dev.backstack.panel.model.install.InstallProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an install profile file (YAML, no secrets): every field optional, defaults from
 * {@link InstallProfile#defaults()}; an unknown field or a wrong value is an error that names it.
 */
public final class ProfileFile {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's fields, all optional. */
    record Fields(
            String clusterType,
            String repository,
            String backstageHost,
            String argocdHost,
            String vaultHost,
            Boolean vault,
            String ingress,
            String backstageImage,
            String chartMirror) {}

    private ProfileFile() {}

    public static InstallProfile read(Path file) {
        Fields f;
        try {
            f = YAML.readValue(Files.readString(file), Fields.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(
                    file + ": " + e.getOriginalMessage().replaceAll(" \\(class .*", "")
                            + "; the fields are clusterType, repository, backstageHost, argocdHost, vaultHost, vault, ingress, "
                            + "backstageImage, chartMirror");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the profile " + file + ": " + e.getMessage());
        }
        InstallProfile d = InstallProfile.defaults();
        if (f == null) {
            return d;
        }
        return new InstallProfile(
                f.clusterType() == null ? d.clusterType() : parse(ClusterType.class, "clusterType", f.clusterType()),
                or(f.repository(), d.repository()),
                or(f.backstageHost(), d.backstageHost()),
                or(f.argocdHost(), d.argocdHost()),
                or(f.vaultHost(), d.vaultHost()),
                f.vault() == null ? d.vault() : f.vault(),
                f.ingress() == null ? d.ingress() : parse(IngressChoice.class, "ingress", f.ingress()),
                or(f.backstageImage(), d.backstageImage()),
                or(f.chartMirror(), d.chartMirror()));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(
                    type, value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    field + ": \"" + value + "\" is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
