package dev.backstack.panel.installer.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The workstation's copy of a plan's journal: one JSON file per cluster and plan under the
 * user's config directory, written atomically. It lets a plan resume when the cluster's copy
 * cannot be read. Never holds secret values.
 */
public final class LocalJournal implements Journal {

    private final Path file;

    /**
     * @param dir        the journals folder, such as {@code ~/.config/backstack-panel/journals}
     * @param clusterKey identifies the cluster (its server URL); made safe for a file name
     */
    public LocalJournal(Path dir, String clusterKey, String planId) {
        this.file = dir.resolve(clusterKey.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(planId + ".json");
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<JournalRecord> load() {
        try {
            return Files.exists(file) ? JournalCodec.read(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(JournalRecord record) throws JournalException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JournalCodec.write(record), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new JournalException("cannot write the local journal " + file, e);
        }
    }
}
