package dev.backstack.panel.views.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Targets by name; a target without a backend fails to open. */
final class FakeTargets implements InstallTargets {

    final Map<String, InstallBackend> backends = new LinkedHashMap<>();
    final List<String> broken = new ArrayList<>();
    final List<String> opened = new ArrayList<>();

    @Override
    public List<String> names() {
        List<String> all = new ArrayList<>(backends.keySet());
        all.addAll(broken);
        return all;
    }

    @Override
    public InstallBackend open(String name) throws Exception {
        opened.add(name);
        InstallBackend b = backends.get(name);
        if (b == null) {
            throw new java.io.IOException("connection refused");
        }
        return b;
    }
}
