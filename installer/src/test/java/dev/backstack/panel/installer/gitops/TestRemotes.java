package dev.backstack.panel.installer.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Bare repositories for tests: seeded with one commit on {@code main}, and read back. */
final class TestRemotes {

    private TestRemotes() {}

    /** A bare repository at {@code dir} whose {@code main} holds one commit with these files. */
    static Path seed(Path dir, Map<String, String> files) throws IOException, GitAPIException {
        Git.init()
                .setBare(true)
                .setInitialBranch("main")
                .setDirectory(dir.toFile())
                .call()
                .close();
        commit(dir, "main", files, "Initial commit");
        return dir;
    }

    /** Adds a commit on {@code branch} (created when missing) whose tree holds exactly these files. */
    static ObjectId commit(Path bare, String branch, Map<String, String> files, String message) throws IOException {
        try (Repository repo = open(bare);
                ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(ins.insert(Constants.OBJ_BLOB, e.getValue().getBytes(StandardCharsets.UTF_8)));
                b.add(entry);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            Ref parent = repo.exactRef("refs/heads/" + branch);
            if (parent != null) {
                c.setParentId(parent.getObjectId());
            }
            PersonIdent who =
                    new PersonIdent("Seed", "seed@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message + "\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate u = repo.updateRef("refs/heads/" + branch);
            u.setNewObjectId(id);
            RefUpdate.Result r = u.update();
            if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("cannot update " + branch + ": " + r);
            }
            return id;
        }
    }

    /** The head of a branch, or null. */
    static ObjectId head(Path bare, String branch) throws IOException {
        try (Repository repo = open(bare)) {
            Ref ref = repo.exactRef("refs/heads/" + branch);
            return ref == null ? null : ref.getObjectId();
        }
    }

    /** Every ref and its target, to check a remote is unchanged. */
    static Map<String, ObjectId> refs(Path bare) throws IOException {
        try (Repository repo = open(bare)) {
            Map<String, ObjectId> out = new TreeMap<>();
            for (Ref r : repo.getRefDatabase().getRefs()) {
                out.put(r.getName(), r.getObjectId());
            }
            return out;
        }
    }

    /** The bytes of a file on a branch, or null when it has no such file. */
    static byte[] read(Path bare, String branch, String path) throws IOException {
        try (Repository repo = open(bare);
                RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(repo.exactRef("refs/heads/" + branch).getObjectId());
            try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                return tw == null ? null : repo.open(tw.getObjectId(0)).getBytes();
            }
        }
    }

    /** The commit at the head of a branch. */
    static RevCommit commit(Path bare, String branch) throws IOException {
        try (Repository repo = open(bare);
                RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(repo.exactRef("refs/heads/" + branch).getObjectId());
        }
    }

    private static Repository open(Path bare) throws IOException {
        return Git.open(bare.toFile()).getRepository();
    }
}
