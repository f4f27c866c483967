package dev.backstack.panel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The BACK Stack APIs the panel ships: where each XRD and Composition is, and their parts. */
enum InstallApis {
    HUB("hub"),
    AKS("cluster/aks"),
    EKS("cluster/eks");

    /** A composed resource template of a function-patch-and-transform step. */
    record Template(String name, JsonNode base, JsonNode patches, JsonNode connectionDetails) {}

    private final String folder;

    InstallApis(String folder) {
        this.folder = folder;
    }

    /** The classpath-relative folder below the install root, such as {@code apis/hub}. */
    String folder() {
        return "apis/" + folder;
    }

    String referenceFolder() {
        return folder;
    }

    JsonNode definition() {
        return Yamls.installOne(folder() + "/definition.yaml");
    }

    JsonNode composition() {
        return Yamls.installOne(folder() + "/composition.yaml");
    }

    /** The patch-and-transform input of the composition's single pipeline step. */
    JsonNode ptInput() {
        JsonNode pipeline = composition().path("spec").path("pipeline");
        if (pipeline.size() != 1) {
            throw new IllegalStateException(folder + ": expected one pipeline step, found " + pipeline.size());
        }
        return pipeline.get(0).path("input");
    }

    List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (JsonNode r : ptInput().path("resources")) {
            templates.add(new Template(
                    r.path("name").asText(), r.path("base"), r.path("patches"), r.path("connectionDetails")));
        }
        return templates;
    }
}
