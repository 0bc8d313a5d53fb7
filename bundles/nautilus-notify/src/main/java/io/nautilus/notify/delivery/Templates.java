package io.nautilus.notify.delivery;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The FreeMarker templates that render notifications: {@code <channel>.subject.ftl} and {@code <channel>.body.ftl},
 * shipped in the bundle (email, slack, webhook, sms, ui, pagerduty, teams and {@code default.*} for any other
 * channel) and overridable by files of the same name in a folder (the {@code templates} setting).
 *
 * <p>A file in the folder is compiled when it first appears or changes (checked at {@link #reload()} and before each
 * rendering). A file that does not compile is refused with an error naming the template and the line; the last good
 * version of that file stays in use (the shipped one if it never compiled). A template that fails while rendering
 * falls back to the shipped one, with the same kind of error. Thread-safe.
 */
public final class Templates {

    /** The part of a notification a template renders. */
    public enum Part {
        /** The subject line. */
        SUBJECT("subject"),
        /** The body. */
        BODY("body");

        private final String fileSuffix;

        Part(String name) {
            this.fileSuffix = "." + name + ".ftl";
        }

        /**
         * @param channel the channel
         * @return the template's file name, {@code <channel>.<part>.ftl}
         */
        public String fileName(String channel) {
            return channel + fileSuffix;
        }
    }

    /** The channel whose templates render channels that have none of their own. */
    public static final String DEFAULT_CHANNEL = "default";

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final String SHIPPED = "templates/";

    private final Configuration configuration;
    private final Map<String, Template> shipped = new HashMap<>();
    private final Map<String, OverrideFile> overrides = new HashMap<>();
    private Path folder;

    /**
     * Loads the shipped templates and the folder's overrides.
     *
     * @param folder the folder of overrides, or null for the shipped templates only
     * @throws IllegalStateException if a shipped template is missing or does not compile (a packaging error)
     */
    public Templates(Path folder) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        for (String channel : List.of(DEFAULT_CHANNEL, "email", "slack", "webhook", "sms", "ui", "pagerduty",
                "teams")) {
            for (Part part : Part.values()) {
                String name = part.fileName(channel);
                shipped.put(name, compileShipped(name));
            }
        }
        this.folder = folder;
        reload();
    }

    /**
     * Changes the folder of overrides and compiles what it holds.
     *
     * @param newFolder the folder, or null for the shipped templates only
     * @return the errors of the templates that did not compile, one line each; empty when all did
     */
    public synchronized List<String> folder(Path newFolder) {
        if (!Objects.equals(folder, newFolder)) {
            folder = newFolder;
            overrides.clear();
        }
        return reload();
    }

    /**
     * Compiles the folder's templates that are new or changed since last time (and forgets the deleted ones).
     *
     * @return the errors of the templates that do not compile now, one line each; empty when all do
     */
    public synchronized List<String> reload() {
        if (folder != null && Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.ftl")) {
                for (Path file : files) {
                    refresh(file.getFileName().toString());
                }
            } catch (IOException e) {
                LOG.warn("templates folder {}: {}", folder, e.toString());
            }
        }
        overrides.keySet().removeIf(name -> folder == null || !Files.exists(folder.resolve(name)));
        return errors();
    }

    /**
     * @return the errors of the overrides that do not compile now (their last good version is in use), one line
     *         each, by template name
     */
    public synchronized List<String> errors() {
        List<String> errors = new ArrayList<>();
        new TreeMap<>(overrides).values().forEach(o -> {
            if (!o.error.isEmpty()) {
                errors.add(o.error);
            }
        });
        return errors;
    }

    /**
     * Renders one part of a notification for a channel.
     *
     * @param channel the channel
     * @param part    subject or body
     * @param model   the data: {@code notification}, {@code alerts}, ... (see docs/notifications-channels.md)
     * @return the text
     * @throws IllegalStateException if even the shipped template fails on this data, naming the template and line
     */
    public String render(String channel, Part part, Map<String, Object> model) {
        String name = part.fileName(channel);
        Template fallback = shipped.get(name);
        if (fallback == null) {
            name = part.fileName(DEFAULT_CHANNEL);
            fallback = shipped.get(name);
        }
        Template template = resolve(part.fileName(channel), name, fallback);
        if (template != fallback) {
            try {
                return process(template, model);
            } catch (TemplateException | IOException e) {
                String error = describe(template.getName(), e) + "; rendered with the shipped " + fallback.getName()
                        + " instead";
                boolean known;
                synchronized (this) {
                    OverrideFile override = overrides.get(template.getName());
                    known = override != null && override.error.equals(error);
                    if (override != null) {
                        override.error = error;
                    }
                }
                if (!known) {
                    LOG.warn("{}", error);
                }
            }
        }
        try {
            return process(fallback, model);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException(describe("shipped " + fallback.getName(), e), e);
        }
    }

    private synchronized Template resolve(String own, String shippedName, Template fallback) {
        Template template = override(own);
        if (template == null && !own.equals(shippedName)) {
            template = override(shippedName);
        }
        return template != null ? template : fallback;
    }

    private Template override(String name) {
        if (folder == null) {
            return null;
        }
        refresh(name);
        OverrideFile override = overrides.get(name);
        return override != null ? override.good : null;
    }

    /** Compiles the folder's file {@code name} if it is new or changed; remembers the error if it does not. */
    private void refresh(String name) {
        Path file = folder.resolve(name);
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            overrides.remove(name);
            return;
        } catch (IOException e) {
            return;
        }
        OverrideFile known = overrides.get(name);
        if (known != null && known.modified.equals(modified) && known.size == size) {
            return;
        }
        OverrideFile next = known != null ? known : new OverrideFile();
        next.modified = modified;
        next.size = size;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            next.good = new Template(name, new StringReader(text), configuration);
            next.error = "";
            LOG.info("template {} loaded from {}", name, folder);
        } catch (IOException e) {
            next.error = describe(name, e) + "; " + keptMessage(next, name);
            LOG.warn("{}", next.error);
        }
        overrides.put(name, next);
    }

    private String keptMessage(OverrideFile override, String name) {
        if (override.good != null) {
            return "the last good version is kept";
        }
        return "the shipped " + (shipped.containsKey(name) ? name : name.replaceFirst("^[^.]+",
                DEFAULT_CHANNEL)) + " is used";
    }

    private static String process(Template template, Map<String, Object> model) throws TemplateException,
            IOException {
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    /**
     * One line naming the template and the line of the error.
     *
     * @param name the template's name
     * @param e    the error
     * @return e.g. {@code template webhook.body.ftl line 3, column 7: Encountered "}", ...}
     */
    static String describe(String name, Exception e) {
        String where;
        String what;
        if (e instanceof ParseException parse) {
            where = " line " + parse.getLineNumber() + ", column " + parse.getColumnNumber();
            what = parse.getEditorMessage();
        } else if (e instanceof TemplateException failure) {
            where = failure.getLineNumber() != null ? " line " + failure.getLineNumber() + ", column "
                    + failure.getColumnNumber() : "";
            what = failure.getMessageWithoutStackTop();
        } else {
            where = "";
            what = e.toString();
        }
        if (what != null && what.contains("----")) {
            what = what.substring(0, what.indexOf("----"));
        }
        String line = what == null ? e.getClass().getSimpleName() : what.strip().replaceAll("\\s*\\R\\s*", " ");
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return "template " + name + where + ": " + line;
    }

    private Template compileShipped(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped template " + name + " is missing from the bundle");
            }
            return new Template(name, new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    configuration);
        } catch (IOException e) {
            throw new IllegalStateException(describe("shipped " + name, e), e);
        }
    }

    /** A template file of the folder: the last version that compiled, and the error of the current one if not. */
    private static final class OverrideFile {
        private FileTime modified;
        private long size;
        private Template good;
        private String error = "";
    }
}
