package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.installer.gitops.DeliveryPreview.Change;
import dev.backstack.panel.installer.gitops.DeliveryPreview.FileChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one delivery as Git blobs: repository path to the exact UTF-8 bytes of the given
 * text, in the given order. Compares them with a tree and writes the tree that overlays them on
 * a base tree. Trees are built in memory (no working tree, so no line-ending conversion, no
 * attributes or filters can change a byte). Immutable; used on one thread.
 */
final class FileSet {

    private final Map<String, byte[]> contents;
    private final Map<String, ObjectId> blobIds;

    private FileSet(Map<String, byte[]> contents) {
        this.contents = contents;
        this.blobIds = new LinkedHashMap<>();
        ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
        contents.forEach((path, bytes) -> blobIds.put(path, ids.idFor(Constants.OBJ_BLOB, bytes)));
    }

    /** The files under the target's folder; throws {@link IllegalArgumentException} for bad names or no files. */
    static FileSet of(GitOpsTarget target, Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("A delivery needs at least one file.");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (text == null) {
                throw new IllegalArgumentException("The file '" + name + "' has no content.");
            }
            if (out.put(target.pathOf(name), text.getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("The file '" + name + "' is given twice.");
            }
        });
        return new FileSet(out);
    }

    List<String> paths() {
        return List.copyOf(contents.keySet());
    }

    /** Each file against a tree: added (no such file), changed, or unchanged (same bytes). */
    List<FileChange> compare(ObjectReader reader, RevTree tree) throws IOException {
        List<FileChange> out = new ArrayList<>();
        for (Map.Entry<String, ObjectId> e : blobIds.entrySet()) {
            out.add(new FileChange(e.getKey(), changeOf(reader, tree, e.getKey(), e.getValue())));
        }
        return out;
    }

    /** True when the tree holds every file with exactly these bytes. */
    boolean heldBy(ObjectReader reader, RevTree tree) throws IOException {
        return compare(reader, tree).stream().allMatch(f -> f.change() == Change.UNCHANGED);
    }

    /** Inserts the blobs and the tree of {@code base} with the files written over it; returns the tree id. */
    ObjectId writeTree(ObjectInserter inserter, ObjectReader reader, RevTree base) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
        builder.finish();
        DirCacheEditor editor = index.editor();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, e.getValue());
            editor.add(new DirCacheEditor.PathEdit(e.getKey()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    boolean executable = FileMode.EXECUTABLE_FILE.equals(entry.getRawMode());
                    entry.setFileMode(executable ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    private static Change changeOf(ObjectReader reader, RevTree tree, String path, ObjectId blob) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return Change.ADDED;
            }
            boolean file = (walk.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
            return file && walk.getObjectId(0).equals(blob) ? Change.UNCHANGED : Change.CHANGED;
        }
    }
}
