package io.nautilus.data.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands input paths into CSV files. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * @param file a file name
     * @return whether it is named {@code *.csv} or {@code *.csv.gz}
     */
    public static boolean isCsv(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".csv.gz");
    }

    /**
     * The CSV files of a folder: its direct children named {@code *.csv} or {@code *.csv.gz}, sorted by name.
     *
     * @param dir the folder
     * @return the files, possibly none
     * @throws IOException if it cannot be listed
     */
    public static List<Path> csvFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p) && isCsv(p)).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * Expands files and folders of CSV files into files, in the order given (a folder's files sorted by name).
     *
     * @param paths files or folders
     * @return the files
     * @throws IOException if a path does not exist or a folder has no CSV files
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files = csvFiles(p);
                if (files.isEmpty()) {
                    throw new NoSuchFileException(p.toString(), null, "no *.csv or *.csv.gz files in the folder");
                }
                out.addAll(files);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    /**
     * Deletes a folder and everything under it, if it exists.
     *
     * @param dir the folder
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            s.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }
}
