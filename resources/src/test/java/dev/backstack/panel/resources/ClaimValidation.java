package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a spoke claim ({@code AKSCluster}/{@code EKSCluster}) against the panel's own XRD as the
 * API server would after Crossplane generated the claim's CRD from it: apiVersion and kind from the
 * definition, {@code spec.parameters} against its schema (defaults applied, unknown fields refused),
 * and only the fields Crossplane adds to every claim's {@code spec} besides.
 */
public final class ClaimValidation {

    /** Fields Crossplane (v1 XRDs with claims) adds to a claim's spec. */
    static final Set<String> CLAIM_SPEC_FIELDS = Set.of(
            "parameters",
            "writeConnectionSecretToRef",
            "publishConnectionDetailsTo",
            "compositionRef",
            "compositionSelector",
            "compositionRevisionRef",
            "compositionRevisionSelector",
            "compositionUpdatePolicy",
            "compositeDeletePolicy",
            "resourceRef");

    private ClaimValidation() {}

    /** A folder of the reference implementation ({@code ../shared/backstack-showcase/<relative>}). */
    public static java.nio.file.Path referenceDir(String relative) {
        return SharedDir.get().resolve("backstack-showcase").resolve(relative);
    }

    /** Every problem of the claim against the panel's XRD for its kind; empty when the API server would accept it. */
    public static List<String> problems(JsonNode claim) {
        String kind = claim.path("kind").asText();
        InstallApis api = switch (kind) {
            case "AKSCluster" -> InstallApis.AKS;
            case "EKSCluster" -> InstallApis.EKS;
            default -> throw new IllegalArgumentException("not a spoke claim kind: " + kind);
        };
        JsonNode xrd = api.definition();
        List<String> out = new ArrayList<>();
        String apiVersion = xrd.path("spec").path("group").asText() + "/"
                + xrd.path("spec").path("versions").path(0).path("name").asText();
        if (!apiVersion.equals(claim.path("apiVersion").asText())) {
            out.add("apiVersion " + claim.path("apiVersion").asText() + ", the definition serves " + apiVersion);
        }
        if (claim.path("metadata").path("name").asText().isEmpty()) {
            out.add("metadata.name missing");
        }
        Iterator<String> fields = claim.path("spec").fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!CLAIM_SPEC_FIELDS.contains(f)) {
                out.add("spec." + f + ": not a claim field");
            }
        }
        JsonNode parametersSchema = XrdSchemas.openApi(xrd)
                .path("properties")
                .path("spec")
                .path("properties")
                .path("parameters");
        JsonNode parameters = claim.path("spec").path("parameters").deepCopy();
        SchemaDefaults.apply(parametersSchema, parameters);
        out.addAll(StrictSchema.of(parametersSchema, true).validate(parameters));
        return out;
    }
}
