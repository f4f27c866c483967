package dev.backstack.panel.installer.compliance;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the history lives: an H2 file database {@code <dir>/<name>.mv.db}, the folder created
 * readable by its owner only. H2 locks the file, so a second panel cannot open the same history.
 */
final class HistoryDatabase {

    private HistoryDatabase() {}

    static HistoryStore open(Path dir, String name) throws HistoryException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a history name: " + name);
        }
        try {
            createOwnerOnly(dir);
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
            Connection db = DriverManager.getConnection(url, "panel", "");
            try {
                return new HistoryStore(db);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new HistoryException(
                    "cannot open the compliance history " + dir.resolve(name) + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
