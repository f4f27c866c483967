import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the panel's native app image and installer with jlink and jpackage, the same way on
 * Linux, Windows and macOS. Run by the app module's {@code package} profile
 * ({@code ./mvnw -B -Ppackage -DskipTests package}); a single-file program ({@code java Package.java}),
 * not part of the product. See docs/packaging.md.
 *
 * <ol>
 * <li>a runtime of the JDK modules the panel needs ({@code jlink}, {@code OUT/runtime});
 * <li>the app image ({@code jpackage --type app-image}, {@code OUT/image/NAME}) with the app's jar
 * and its {@code lib/} in {@code lib/app} (Windows, macOS: {@code app}, {@code Contents/app});
 * <li>the AppCDS archive: the image runs once to its first frame with
 * {@code -XX:ArchiveClassesAtExit}, the archive goes into the image beside the jars and the
 * launcher's configuration gets {@code -XX:SharedArchiveFile=$APPDIR/NAME.jsa};
 * <li>the smoke test: the finished image starts with no kubeconfig (the demo fleet) and must show
 * its first frame and exit 0 with {@code -Dpanel.exitAfterFirstFrame=true};
 * <li>the installer, from the finished image ({@code jpackage --app-image}, {@code OUT/installer}):
 * deb on Linux, msi on Windows, dmg on macOS unless {@code --type} says otherwise
 * ({@code rpm}, {@code exe}, {@code pkg}; {@code app-image} for none).
 * </ol>
 * On Linux without DISPLAY, steps 3 and 4 run under an Xvfb of their own.
 */
public final class Package {

    /** The JDK modules of the runtime: jdeps --print-module-deps over app/target/lib, plus what reflection and TLS need. */
    static final String MODULES = String.join(",", "java.base", "java.compiler", "java.desktop", "java.logging",
            "java.management", "java.naming", "java.prefs", "java.security.jgss", "java.sql", "java.xml",
            "jdk.jfr", "jdk.unsupported", "jdk.crypto.ec", "jdk.zipfs", "jdk.management", "jdk.net",
            "jdk.naming.dns", "jdk.charsets");

    private final Map<String, String> opt = new LinkedHashMap<>();
    private final List<Process> started = new ArrayList<>();
    private String display;

    public static void main(String[] args) throws Exception {
        Package p = new Package();
        p.opt.put("name", "backstack-panel");
        p.opt.put("main-class", "dev.backstack.panel.app.Launcher");
        p.opt.put("version", "0.1.0");
        p.opt.put("type", "");
        p.opt.put("cds", "true");
        p.opt.put("smoke", "true");
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --option=value, got " + a);
            }
            p.opt.put(a.substring(2, eq), a.substring(eq + 1));
        }
        if (p.opt.containsKey("java-options-file")) {
            // an @argfile of the java launcher: options separated by white space, # starts a comment line
            String text = Files.readString(Path.of(p.opt.get("java-options-file")), StandardCharsets.UTF_8);
            p.opt.put("java-options", String.join(" ", text.lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()));
        }
        for (String required : List.of("jar", "lib", "out", "java-options")) {
            if (!p.opt.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required + "=...");
            }
        }
        try {
            p.run();
        } finally {
            p.started.forEach(Process::destroy);
        }
    }

    private void run() throws Exception {
        Path out = Path.of(opt.get("out")).toAbsolutePath();
        String name = opt.get("name");
        Path runtime = opt.containsKey("runtime") ? Path.of(opt.get("runtime")) : out.resolve("runtime");
        if (!opt.containsKey("runtime")) {
            delete(runtime);
            tool("jlink", "--add-modules", MODULES, "--strip-debug", "--no-header-files", "--no-man-pages",
                    "--compress=2", "--output", runtime.toString());
            // the runtime's default CDS archive (lib/server/classes.jsa): the base the app's dynamic archive extends
            Path java = runtime.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            Process dump = new ProcessBuilder(java.toString(), "-Xshare:dump").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (dump.waitFor() != 0) {
                throw new IllegalStateException(java + " -Xshare:dump failed with exit code " + dump.exitValue());
            }
        }
        // jpackage's input: the jar and its lib/ (the jar's Class-Path), nothing else of target/
        Path input = out.resolve("input");
        delete(input);
        Path jar = Path.of(opt.get("jar"));
        Files.createDirectories(input.resolve("lib"));
        Files.copy(jar, input.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> jars = Files.list(Path.of(opt.get("lib")))) {
            for (Path j : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                Files.copy(j, input.resolve("lib").resolve(j.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path images = out.resolve("image");
        delete(images);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", name,
                "--input", input.toString(), "--main-jar", jar.getFileName().toString(), "--main-class", opt.get("main-class"),
                "--runtime-image", runtime.toString(), "--app-version", opt.get("version"),
                "--vendor", "BACK Stack control panel", "--dest", images.toString()));
        for (String o : opt.get("java-options").trim().split("\\s+")) {
            args.add("--java-options");
            args.add(o);
        }
        icon().ifPresent(i -> args.addAll(List.of("--icon", i.toString())));
        tool("jpackage", args.toArray(String[]::new));
        Path image = images.resolve(isMac() ? name + ".app" : name);
        Path launcher = launcher(image, name);
        Path appDir = appDir(image);
        System.out.println("app image: " + image);

        if (Boolean.parseBoolean(opt.get("cds"))) {
            Path jsa = appDir.resolve(name + ".jsa");
            int exit = runToFirstFrame(launcher, "-XX:ArchiveClassesAtExit=" + jsa, out.resolve("cds-dump.log"));
            if (exit != 0 || !Files.isRegularFile(jsa)) {
                throw new IllegalStateException("the AppCDS run failed (exit " + exit + "); see " + out.resolve("cds-dump.log"));
            }
            // jpackage expands $APPDIR in the launcher's configuration to the directory of the jars (and of the archive)
            Path cfg = appDir.resolve(name + ".cfg");
            String text = Files.readString(cfg, StandardCharsets.UTF_8);
            String withArchive = text.replaceFirst("\\[JavaOptions\\](\\r?\\n)",
                    "[JavaOptions]$1java-options=-XX:SharedArchiveFile=\\$APPDIR/" + name + ".jsa$1");
            if (withArchive.equals(text)) {
                throw new IllegalStateException("no [JavaOptions] section in " + cfg);
            }
            text = withArchive;
            Files.writeString(cfg, text, StandardCharsets.UTF_8);
            System.out.println("AppCDS archive: " + jsa + " (" + Files.size(jsa) / 1024 / 1024 + " MB)");
        }

        if (Boolean.parseBoolean(opt.get("smoke"))) {
            Path log = out.resolve("smoke.log");
            long t0 = System.nanoTime();
            int exit = runToFirstFrame(launcher, "-Xlog:class+load=info:file=" + out.resolve("smoke-classes.log"), log);
            String err = Files.readString(log, StandardCharsets.UTF_8);
            check(exit == 0, "the app image exited " + exit, log);
            check(err.contains("First frame"), "the app image showed no first frame", log);
            if (Boolean.parseBoolean(opt.get("cds"))) {
                String classes = Files.readString(out.resolve("smoke-classes.log"), StandardCharsets.UTF_8);
                check(classes.contains("shared objects file (top)"), "the app image did not use its AppCDS archive",
                        out.resolve("smoke-classes.log"));
            }
            System.out.printf("smoke test: first frame and exit 0 in %d ms (%s)%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), firstFrameLine(err));
        }

        String type = opt.get("type").isBlank() ? defaultType() : opt.get("type");
        if (!type.equals("app-image")) {
            Path installer = out.resolve("installer");
            delete(installer);
            // JDK 17's AppCDS checks the class path by absolute path: an archive made in OUT/image is refused
            // (silently, -Xshare:auto) once the package installs the image elsewhere (/opt/NAME, Program Files,
            // /Applications). The installer gets the finished image without it; see docs/packaging.md.
            Path packaged = out.resolve("installer-image").resolve(image.getFileName());
            delete(packaged.getParent());
            copyTree(image, packaged);
            Path packagedApp = appDir(packaged);
            Files.deleteIfExists(packagedApp.resolve(name + ".jsa"));
            Path cfg = packagedApp.resolve(name + ".cfg");
            Files.writeString(cfg, Files.readString(cfg, StandardCharsets.UTF_8)
                    .replaceFirst("java-options=-XX:SharedArchiveFile=\\$APPDIR/" + name + ".jsa\\r?\\n", ""),
                    StandardCharsets.UTF_8);
            List<String> inst = new ArrayList<>(List.of("--type", type, "--app-image", packaged.toString(), "--name", name,
                    "--app-version", opt.get("version"), "--vendor", "BACK Stack control panel",
                    "--description", "Desktop control panel for the BACK Stack (Backstage, Argo CD, Crossplane, Kyverno)",
                    "--dest", installer.toString()));
            if (isLinux()) {
                inst.addAll(List.of("--linux-shortcut", "--linux-menu-group", "Development",
                        "--linux-app-category", "devel", "--linux-package-name", name,
                        // JavaFX's native libraries come out of its jars at run time: jpackage cannot see they need GTK 3
                        "--linux-package-deps", "libgtk-3-0"));
                icon().ifPresent(i -> inst.addAll(List.of("--icon", i.toString())));
            } else if (isWindows()) {
                inst.addAll(List.of("--win-menu", "--win-shortcut", "--win-dir-chooser"));
            }
            tool("jpackage", inst.toArray(String[]::new));
            try (Stream<Path> s = Files.list(installer)) {
                s.forEach(f -> System.out.println("installer: " + f));
            }
        }
    }

    /** Starts the image's launcher on the demo (no kubeconfig, an empty user.home) to its first frame; its exit code. */
    private int runToFirstFrame(Path launcher, String jvmOption, Path log) throws Exception {
        Path home = Files.createTempDirectory("panel-package-home");
        try {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.remove("KUBECONFIG");
            env.put("HOME", home.toString());
            // quoted: a temporary directory or the image's path may contain spaces (Windows)
            env.put("JAVA_TOOL_OPTIONS", "\"-Duser.home=" + home + "\" -Dpanel.exitAfterFirstFrame=true \"" + jvmOption + "\"");
            String d = display();
            if (d != null) {
                env.put("DISPLAY", d);
            }
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(launcher + " did not exit within 180 s; see " + log);
            }
            return p.exitValue();
        } finally {
            delete(home);
        }
    }

    /** DISPLAY for the runs: the environment's, else (Linux) an Xvfb started here. */
    private String display() throws Exception {
        if (!isLinux()) {
            return null;
        }
        if (display == null) {
            display = System.getenv("DISPLAY");
        }
        if (display == null || display.isBlank()) {
            int n = 95;
            while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                n++;
            }
            Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.add(x);
            for (int i = 0; i < 50 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
                if (!x.isAlive()) {
                    throw new IllegalStateException("DISPLAY is unset and Xvfb :" + n + " did not start");
                }
                Thread.sleep(100);
            }
            display = ":" + n;
            System.out.println("DISPLAY unset: started Xvfb " + display);
        }
        return display;
    }

    private static String firstFrameLine(String log) {
        return log.lines().filter(l -> l.contains("First frame")).findFirst().orElse("").replaceAll("^.* - ", "");
    }

    private static void check(boolean ok, String what, Path log) throws IOException {
        if (!ok) {
            String tail = String.join("\n", Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("[")).limit(60).toList());
            throw new IllegalStateException(what + "; " + log + " begins:\n" + tail);
        }
    }

    private java.util.Optional<Path> icon() {
        String base = opt.getOrDefault("icon", "");
        if (base.isBlank()) {
            return java.util.Optional.empty();
        }
        // jpackage wants .png on Linux, .ico on Windows, .icns on macOS; without one it uses its default
        Path icon = Path.of(base + (isWindows() ? ".ico" : isMac() ? ".icns" : ".png"));
        return Files.isRegularFile(icon) ? java.util.Optional.of(icon) : java.util.Optional.empty();
    }

    private static Path launcher(Path image, String name) {
        if (isWindows()) {
            return image.resolve(name + ".exe");
        }
        return isMac() ? image.resolve("Contents/MacOS/" + name) : image.resolve("bin/" + name);
    }

    private static Path appDir(Path image) {
        if (isWindows()) {
            return image.resolve("app");
        }
        return isMac() ? image.resolve("Contents/app") : image.resolve("lib/app");
    }

    private static String defaultType() {
        return isWindows() ? "msi" : isMac() ? "dmg" : "deb";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean isMac() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private static boolean isLinux() {
        return !isWindows() && !isMac();
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        System.out.println(name + " " + String.join(" ", args));
        int exit = tool.run(System.out, System.err, args);
        if (exit != 0) {
            throw new IllegalStateException(name + " failed with exit code " + exit);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
