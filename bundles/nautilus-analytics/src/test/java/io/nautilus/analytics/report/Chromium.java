package io.nautilus.analytics.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium run on a local file: no network (every host name fails to resolve, background
 * networking off), a private profile folder, bounded time.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path work;

    Chromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** {@code /usr/bin/chromium}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    static Optional<Path> find() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The page's DOM after its scripts ran, as {@code --dump-dom} prints it.
     *
     * @param page       the HTML file
     * @param budgetMs   virtual time given to the page's scripts
     */
    String dumpDom(Path page, int budgetMs) throws IOException, InterruptedException {
        Path out = work.resolve("dom.html");
        run(out, List.of("--virtual-time-budget=" + budgetMs, "--dump-dom", page.toUri().toString()));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * A PNG of the page's top {@code height} pixels at {@code width} pixels wide.
     *
     * @param page   the HTML file
     * @param png    the image to write
     */
    void screenshot(Path page, Path png, int width, int height, int budgetMs)
            throws IOException, InterruptedException {
        run(work.resolve("screenshot.out"), List.of("--virtual-time-budget=" + budgetMs,
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot " + png + "; its log: "
                    + Files.readString(work.resolve("chromium.log")));
        }
    }

    private void run(Path stdout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + work.resolve("profile")));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(work.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": "
                    + Files.readString(work.resolve("chromium.log")));
        }
    }
}
