package dev.backstack.panel.installer.plan;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A journal in memory that counts its writes. */
final class MemoryJournal implements Journal {

    final AtomicInteger saves = new AtomicInteger();
    private volatile String json;

    @Override
    public Optional<JournalRecord> load() {
        return JournalCodec.read(json);
    }

    @Override
    public void save(JournalRecord record) {
        saves.incrementAndGet();
        json = JournalCodec.write(record);
    }
}
