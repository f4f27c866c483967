package dev.backstack.panel.model.install;

import java.util.ArrayList;
import java.util.List;

/**
 * What a finished hub install hands the user: the web UIs' addresses. The Argo CD admin password
 * is not here; it is read from the cluster only when the user asks for it.
 */
public record InstallOutputs(List<Link> links) {

    /** One web UI. */
    public record Link(String name, String url) {}

    public InstallOutputs {
        links = List.copyOf(links);
    }

    public static InstallOutputs of(InstallProfile p) {
        List<Link> out = new ArrayList<>();
        out.add(new Link("Backstage", "https://" + p.backstageHost()));
        out.add(new Link("Argo CD", "https://" + p.argocdHost()));
        if (p.vault()) {
            out.add(new Link("Vault", "https://" + p.vaultHost()));
        }
        return new InstallOutputs(out);
    }
}
