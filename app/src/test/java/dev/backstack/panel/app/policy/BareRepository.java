package dev.backstack.panel.app.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
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
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A bare GitOps repository in a test folder: {@code main} holds a README; branches read back. */
public final class BareRepository {

    private BareRepository() {}

    public static Path seed(Path dir) throws Exception {
        Git.init()
                .setBare(true)
                .setInitialBranch("main")
                .setDirectory(dir.toFile())
                .call()
                .close();
        try (Repository repo = open(dir);
                ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            DirCacheEntry readme = new DirCacheEntry("README.md");
            readme.setFileMode(FileMode.REGULAR_FILE);
            readme.setObjectId(ins.insert(Constants.OBJ_BLOB, "# GitOps\n".getBytes(StandardCharsets.UTF_8)));
            b.add(readme);
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            PersonIdent who =
                    new PersonIdent("Seed", "seed@example.org", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("Initial commit\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate u = repo.updateRef("refs/heads/main");
            u.setNewObjectId(id);
            if (u.update() != RefUpdate.Result.NEW) {
                throw new IOException("cannot create main");
            }
        }
        return dir;
    }

    public static List<String> branches(Path dir) throws IOException {
        try (Repository repo = open(dir)) {
            return repo.getRefDatabase().getRefsByPrefix("refs/heads/").stream()
                    .map(Ref::getName)
                    .sorted()
                    .toList();
        }
    }

    /** Every file on a branch, by path, with its text. */
    public static Map<String, String> files(Path dir, String branch) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = open(dir);
                RevWalk walk = new RevWalk(repo);
                TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(repo.exactRef("refs/heads/" + branch).getObjectId())
                    .getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                out.put(
                        tw.getPathString(),
                        new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Repository open(Path dir) throws IOException {
        return Git.open(dir.toFile()).getRepository();
    }
}
