package dev.backstack.panel.installer.plan;

import java.util.Optional;

/**
 * The cluster's journal with a local copy: saved to both, read from the cluster first (any
 * workstation resumes from it), else from the local copy.
 */
public final class MirroredJournal implements Journal {

    private final Journal cluster;
    private final Journal local;

    public MirroredJournal(Journal cluster, Journal local) {
        this.cluster = cluster;
        this.local = local;
    }

    @Override
    public Optional<JournalRecord> load() {
        return cluster.load().or(local::load);
    }

    @Override
    public void save(JournalRecord record) throws JournalException {
        JournalException first = null;
        try {
            local.save(record);
        } catch (JournalException e) {
            first = e;
        }
        cluster.save(record);
        if (first != null) {
            throw first;
        }
    }
}
