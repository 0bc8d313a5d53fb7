package io.nautilus.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File system helpers for durable creation, rename and deletion. */
final class Durable {

    private Durable() {
    }

    /**
     * Forces a directory's entries (new, renamed or deleted files) to the device, where the platform allows it.
     *
     * @param dir the directory
     */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on every platform (e.g. Windows); the data files themselves are forced
        }
    }
}
