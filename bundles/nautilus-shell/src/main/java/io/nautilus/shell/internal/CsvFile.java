package io.nautilus.shell.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV export file on the platform's machine (RFC 4180: UTF-8 without BOM, CRLF line ends, a header line; a field
 * holding a comma, a double quote, CR or LF is enclosed in double quotes with its double quotes doubled).
 *
 * <p>The target is checked before anything is queried ({@link #target}); the rows go to a temporary file in the
 * same folder that is renamed onto the target only once complete ({@link #write}), so a reader never sees half a
 * file and a failed export leaves nothing behind.
 */
final class CsvFile {

    private CsvFile() {
    }

    /**
     * Resolves and checks an export path.
     *
     * @param text    the path the admin typed; relative paths are relative to {@code base}
     * @param base    the folder relative paths start from (the distribution folder)
     * @param replace whether an existing file may be replaced
     * @return the absolute, normalised target
     * @throws IllegalArgumentException naming the path if it is not a valid path, names a folder or something that
     *                                  is not a regular file, exists and {@code replace} is false, or its folder
     *                                  does not exist or is not writable
     */
    static Path target(String text, Path base, boolean replace) {
        Path target;
        try {
            target = base.resolve(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--csv '" + text + "' is not a valid file path");
        }
        if (text.isBlank() || target.getFileName() == null) {
            throw new IllegalArgumentException("--csv '" + text + "' names no file");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--csv " + target + " is a folder; give a file name");
        }
        if (Files.exists(target) || Files.isSymbolicLink(target)) {
            if (!replace) {
                throw new IllegalArgumentException("--csv " + target + " exists; add --force to replace it");
            }
            if (!Files.isRegularFile(target) || Files.isSymbolicLink(target)) {
                throw new IllegalArgumentException("--csv " + target
                        + " exists and is not a regular file; it is not replaced");
            }
        }
        Path folder = target.getParent();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--csv " + target + ": " + folder + " is not a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--csv " + target + ": folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException("--csv " + target + ": folder " + folder + " is not writable");
        }
        return target;
    }

    /**
     * Writes a header and rows to a temporary file beside the target, then renames it onto the target.
     *
     * @param target  a path {@link #target} accepted
     * @param header  the header fields
     * @param rows    the rows
     * @param fields  a row's fields, as many as the header
     * @param replace whether an existing target is replaced (else the rename fails if one appeared meanwhile)
     * @param <T>     the row type
     * @throws IOException if the file cannot be written or renamed; the temporary file is removed
     */
    static <T> void write(Path target, List<String> header, List<T> rows, Function<T, List<String>> fields,
                          boolean replace) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                writeLine(writer, header);
                for (T row : rows) {
                    writeLine(writer, fields.apply(row));
                }
            }
            if (replace) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
            throw new FileAlreadyExistsException(target + " appeared while the export was written; add --force"
                    + " to replace it");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * One CSV line.
     *
     * @param fields the fields
     * @return the fields quoted as needed, joined by commas, ending with CRLF
     */
    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    private static void writeLine(Writer writer, List<String> fields) throws IOException {
        writer.write(line(fields));
    }

    /**
     * One field, quoted if it holds a comma, double quote, CR or LF.
     *
     * @param value the field's text
     * @return the field as written
     */
    static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
