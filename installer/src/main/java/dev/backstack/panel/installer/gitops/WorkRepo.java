package dev.backstack.panel.installer.gitops;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bare repository in an owner-only temporary folder, deleted on {@link #close()} (also after
 * a failure). It holds only what a delivery fetched and the commit it makes; the remote is
 * addressed by URL on each call, so its address is not even kept in the folder's config, and no
 * credentials ever are. Its hooks folder is its own (empty), so a user's global
 * {@code core.hooksPath} does not run. Used on one thread.
 */
final class WorkRepo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkRepo.class);

    private final Path dir;
    private final Git git;

    private WorkRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A new bare repository under {@code root} (the system's temporary folder when null). */
    static WorkRepo create(Path root) throws IOException {
        Path dir = root == null
                ? Files.createTempDirectory("backstack-gitops-", ownerOnly())
                : Files.createTempDirectory(root, "backstack-gitops-", ownerOnly());
        try {
            Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString(
                    ConfigConstants.CONFIG_CORE_SECTION,
                    null,
                    ConfigConstants.CONFIG_KEY_HOOKS_PATH,
                    dir.resolve("hooks").toString());
            config.setInt("gc", null, "auto", 0);
            config.save();
            return new WorkRepo(dir, git);
        } catch (GitAPIException | IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof IOException io ? io : new IOException("cannot create a Git repository in " + dir, e);
        }
    }

    Git git() {
        return git;
    }

    Repository repository() {
        return git.getRepository();
    }

    Path dir() {
        return dir;
    }

    /** Writes a commit of {@code tree} on {@code parent} and points {@code ref} (in this repository) at it. */
    ObjectId commit(ObjectId tree, RevCommit parent, GitOpsTarget target, String message, String ref)
            throws IOException {
        PersonIdent who =
                new PersonIdent(target.authorName(), target.authorEmail(), Instant.now(), ZoneId.systemDefault());
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage(message.endsWith("\n") ? message : message + "\n");
        ObjectId id;
        try (ObjectInserter inserter = repository().newObjectInserter()) {
            id = inserter.insert(commit);
            inserter.flush();
        }
        RefUpdate update = repository().updateRef(ref);
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result r = update.update();
        if (r != RefUpdate.Result.NEW) {
            throw new IOException("cannot point " + ref + " at the new commit in the temporary clone: " + r);
        }
        return id;
    }

    /** Parses a fetched commit. */
    RevCommit parse(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository())) {
            return walk.parseCommit(id);
        }
    }

    @Override
    public void close() {
        git.close();
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the temporary GitOps clone {}: {}", dir, e.toString());
        }
        if (Files.exists(dir)) {
            LOG.warn("The temporary GitOps clone {} is still there", dir);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            };
        }
        return new FileAttribute<?>[0]; // Windows: the per-user temporary folder's ACL applies
    }
}
