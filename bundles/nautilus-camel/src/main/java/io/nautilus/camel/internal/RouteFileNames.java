package io.nautilus.camel.internal;

import java.util.Locale;

/**
 * Which file names in the route folder are route files: {@code *.yaml} and {@code *.yml}, not hidden and not
 * an editor's temporary file.
 */
final class RouteFileNames {

    private RouteFileNames() {
    }

    /**
     * Whether a file name (no folder part) names a route file.
     *
     * @param fileName the file's name
     * @return true for {@code name.yaml} / {@code name.yml}; false for hidden files ({@code .x.yaml}, vim's
     *         {@code .x.yaml.swp}), emacs lock and auto-save files ({@code .#x.yaml}, {@code #x.yaml#}), backups
     *         ({@code x.yaml~}) and anything else
     */
    static boolean isRouteFile(String fileName) {
        if (fileName == null || fileName.isEmpty() || fileName.startsWith(".") || fileName.startsWith("#")
                || fileName.startsWith("~")) {
            return false;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") && lower.length() > ".yaml".length()
                || lower.endsWith(".yml") && lower.length() > ".yml".length();
        return yaml && !hasPathParts(fileName);
    }

    /**
     * Checks that a name given by an operator names a route file directly inside the route folder.
     *
     * @param fileName the name to check
     * @return the name
     * @throws IllegalArgumentException if the name has a path separator or {@code ..}, or is not a route file name
     */
    static String requireRouteFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("route file name is empty");
        }
        if (hasPathParts(fileName)) {
            throw new IllegalArgumentException("route file name '" + fileName
                    + "' must be a plain file name inside the route folder (no '/', '\\' or '..')");
        }
        if (!isRouteFile(fileName)) {
            throw new IllegalArgumentException("'" + fileName
                    + "' is not a route file name: expected a non-hidden *.yaml or *.yml file");
        }
        return fileName;
    }

    private static boolean hasPathParts(String fileName) {
        return fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0 || fileName.contains("..")
                || fileName.indexOf(':') >= 0 || fileName.indexOf('\0') >= 0;
    }
}
