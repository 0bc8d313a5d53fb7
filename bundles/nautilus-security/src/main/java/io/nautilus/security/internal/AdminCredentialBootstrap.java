package io.nautilus.security.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure Nautilus never runs with a default password, and says how to set one.
 *
 * <p>At activation, a non-empty {@code NAUTILUS_ADMIN_PASSWORD} environment variable becomes the admin user's
 * password in users.properties, stored only as a PBKDF2 hash. When Karaf's own password encryption is enabled
 * ({@code encryption.enabled} in {@code etc/org.apache.karaf.jaas.cfg}) and the file holds clear-text passwords,
 * the hash is written only once Karaf has hashed them: Karaf rewrites the whole file from the copy it read before
 * hashing, which would drop an entry written meanwhile. Then, and whenever users.properties changes
 * (e.g. {@code bin/nautilus-passwd} while Nautilus runs), it checks whether any user has a password: while none
 * does, it logs how to set one and shows the same text as the SSH pre-authentication banner (the
 * {@code welcomeBanner} property of the {@code org.apache.karaf.shell} configuration); once one does, it removes
 * that banner again. A banner someone else configured is never touched.
 */
@Component(immediate = true, configurationPid = AdminCredentialBootstrap.PID, service = {})
@Designate(ocd = AdminCredentialBootstrap.Config.class)
public final class AdminCredentialBootstrap {

    /** Configuration PID of this component. */
    public static final String PID = "io.nautilus.security";

    /** The environment variable whose value becomes the admin password at start. */
    public static final String ENV_PASSWORD = "NAUTILUS_ADMIN_PASSWORD";

    /** Karaf's JAAS configuration, whose {@code encryption.enabled} makes Karaf hash clear-text passwords. */
    static final String JAAS_PID = "org.apache.karaf.jaas";

    /** Karaf's shell/SSH configuration and its banner property. */
    static final String SHELL_PID = "org.apache.karaf.shell";
    static final String BANNER_KEY = "welcomeBanner";

    /** How our banner starts; a banner that starts otherwise belongs to someone else. */
    static final String BANNER_MARK = "Nautilus: no admin credential is set";

    /** The instructions, shown in the log and as the SSH banner while no credential exists. */
    public static final String BANNER = BANNER_MARK + ", so every login is refused.\n"
            + "Set one, then connect as user admin:\n"
            + "  NAUTILUS_ADMIN_PASSWORD=<password> bin/nautilus-start   (or bin/nautilus)\n"
            + "  or run bin/nautilus-passwd (also works while Nautilus is running)\n";

    /** Component configuration. */
    @ObjectClassDefinition(name = "Nautilus admin credential",
            description = "Applies NAUTILUS_ADMIN_PASSWORD at start and explains how to log in while no "
                    + "credential exists.")
    public @interface Config {
        /** @return the Karaf users file; ${karaf.etc} is resolved from the framework property */
        @AttributeDefinition(name = "Users file",
                description = "Karaf's users.properties; ${karaf.etc} is replaced by the framework property.")
        String usersFile() default "${karaf.etc}/users.properties";

        /** @return the user NAUTILUS_ADMIN_PASSWORD sets */
        @AttributeDefinition(name = "Admin user", description = "The user NAUTILUS_ADMIN_PASSWORD sets.")
        String adminUser() default "admin";

        /** @return PBKDF2 iterations for the hash written at start */
        @AttributeDefinition(name = "Hash iterations", min = "10000", max = "10000000",
                description = "PBKDF2-HMAC-SHA256 iterations for the hash written at start.")
        int hashIterations() default PasswordHasher.DEFAULT_ITERATIONS;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AdminCredentialBootstrap.class);

    @Reference
    ConfigurationAdmin configurationAdmin;

    /** How long a change of the users file must settle before it is read, in ms. */
    static final long SETTLE_MILLIS = 500;

    /** Longest wait for Karaf to hash the clear-text passwords before the credential is written anyway, in ms. */
    static final long KARAF_ENCRYPTION_WAIT_MILLIS = 120_000;

    /** Most writes of the credential when another writer keeps putting the old entry back. */
    static final int MAX_WRITES = 3;

    /** Environment lookup; replaced in tests. */
    UnaryOperator<String> environment = System::getenv;

    private final Object lock = new Object();
    private UsersFile users;
    private Boolean credential;
    private boolean foreignBannerReported;
    private WatchService watchService;
    private Thread watcher;
    private Thread applier;

    /** Creates the component; DS calls {@link #activate}. */
    public AdminCredentialBootstrap() {
    }

    @Activate
    void activate(BundleContext context, Config config) {
        String etc = context.getProperty("karaf.etc");
        String file = config.usersFile();
        if (file.contains("${karaf.etc}")) {
            if (etc == null) {
                LOG.error("Cannot locate users.properties: usersFile is '{}' and the framework property karaf.etc "
                        + "is not set; NAUTILUS_ADMIN_PASSWORD is not applied.", file);
                return;
            }
            file = file.replace("${karaf.etc}", etc);
        }
        int iterations = config.hashIterations();
        if (iterations < PasswordHasher.MIN_ITERATIONS || iterations > PasswordHasher.MAX_ITERATIONS) {
            LOG.error("hashIterations {} is out of range [{}, {}]; using {}.", iterations,
                    PasswordHasher.MIN_ITERATIONS, PasswordHasher.MAX_ITERATIONS, PasswordHasher.DEFAULT_ITERATIONS);
            iterations = PasswordHasher.DEFAULT_ITERATIONS;
        }
        start(Paths.get(file), config.adminUser(), iterations);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /**
     * Applies the environment password, checks for a credential and starts watching the users file.
     *
     * @param usersFile  the users file
     * @param adminUser  the user the environment password sets
     * @param iterations PBKDF2 iterations for that hash
     */
    void start(Path usersFile, String adminUser, int iterations) {
        synchronized (lock) {
            users = new UsersFile(usersFile);
            credential = null;
            foreignBannerReported = false;
        }
        applyEnvironmentPassword(adminUser, iterations);
        reconcile();
        startWatching(usersFile);
    }

    /**
     * Stops watching the users file and abandons a credential still waiting for Karaf's encryption; leaves the
     * banner as it is (changing it restarts the SSH server).
     */
    void stop() {
        Thread thread;
        Thread waiting;
        synchronized (lock) {
            thread = watcher;
            watcher = null;
            waiting = applier;
            applier = null;
            if (watchService != null) {
                try {
                    watchService.close();
                } catch (IOException e) {
                    LOG.debug("Closing the users.properties watch failed", e);
                }
                watchService = null;
            }
        }
        if (waiting != null) {
            waiting.interrupt();
        }
        for (Thread t : new Thread[] {thread, waiting}) {
            if (t == null) {
                continue;
            }
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return true if the last check found a usable credential */
    boolean hasCredential() {
        synchronized (lock) {
            return Boolean.TRUE.equals(credential);
        }
    }

    /** @return true while the environment password waits for Karaf's encryption (or its write is checked) */
    boolean isApplying() {
        synchronized (lock) {
            return applier != null && applier.isAlive();
        }
    }

    private void applyEnvironmentPassword(String adminUser, int iterations) {
        String value = environment.apply(ENV_PASSWORD);
        if (value == null || value.isEmpty()) {
            return;
        }
        char[] password = value.toCharArray();
        String problem = PasswdTool.check(password);
        if (problem != null) {
            Arrays.fill(password, '\0');
            LOG.error("{} is not used: {} (minimum {}).", ENV_PASSWORD,
                    problem.replace("the password", "the value"), PasswdTool.MIN_LENGTH);
            return;
        }
        UsersFile file;
        synchronized (lock) {
            file = users;
        }
        boolean clearText;
        try {
            clearText = karafHashesPasswords() && file.hasClearTextPassword();
        } catch (IOException | RuntimeException e) {
            clearText = false;
        }
        if (!clearText) {
            try {
                write(file, adminUser, iterations, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            return;
        }
        // Karaf's AutoEncryptionSupport has read (or is about to read) this file, waits for our encryption service,
        // hashes the clear-text passwords and saves the copy it read: an entry written before that save is lost.
        LOG.info("{} holds clear-text passwords that Karaf's JAAS encryption hashes by rewriting the file from the "
                + "copy it read; the admin credential from {} is written once they are hashed.", file.path(),
                ENV_PASSWORD);
        Thread thread = new Thread(() -> applyAfterKarafEncryption(file, adminUser, iterations, password),
                "nautilus-admin-credential");
        thread.setDaemon(true);
        synchronized (lock) {
            applier = thread;
        }
        thread.start();
    }

    /** Writes the credential once Karaf has hashed the clear-text passwords; see {@link UsersFile.WriteOutcome}. */
    private void applyAfterKarafEncryption(UsersFile file, String adminUser, int iterations, char[] password) {
        try {
            PasswordHasher hasher = new PasswordHasher(iterations);
            if (alreadyStored(file, adminUser, hasher, password)) {
                return;
            }
            String hash = hasher.hash(password);
            UsersFile.WriteOutcome outcome = file.setHashedPasswordAfterEncryption(adminUser, hash,
                    KARAF_ENCRYPTION_WAIT_MILLIS, 2 * SETTLE_MILLIS, MAX_WRITES);
            switch (outcome) {
                case STAYED:
                    LOG.info("admin credential set from {} (user {}, PBKDF2 hash in {})", ENV_PASSWORD, adminUser,
                            file.path());
                    if (file.hasClearTextPassword()) {
                        LOG.warn("{} still holds clear-text passwords: Karaf did not hash them within {} s.",
                                file.path(), KARAF_ENCRYPTION_WAIT_MILLIS / 1000);
                    }
                    reconcile();
                    break;
                case REPLACED_BY_OTHER:
                    LOG.warn("The admin entry in {} was changed by someone else right after {} was applied; keeping "
                            + "that change.", file.path(), ENV_PASSWORD);
                    break;
                default:
                    LOG.error("The admin credential from {} did not stay in {}: another writer saved its older copy "
                            + "of the file {} times. Set it with bin/nautilus-passwd.", ENV_PASSWORD, file.path(),
                            MAX_WRITES);
                    break;
            }
        } catch (InterruptedException e) {
            LOG.info("Stopped before the admin credential from {} was applied.", ENV_PASSWORD);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the admin credential from {} to {}: {}", ENV_PASSWORD, file.path(),
                    e.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Stores the password's hash for the user unless the stored hash already matches it. */
    private static void write(UsersFile file, String adminUser, int iterations, char[] password) {
        try {
            PasswordHasher hasher = new PasswordHasher(iterations);
            if (alreadyStored(file, adminUser, hasher, password)) {
                return;
            }
            file.setHashedPassword(adminUser, hasher.hash(password));
            LOG.info("admin credential set from {} (user {}, PBKDF2 hash in {})", ENV_PASSWORD, adminUser,
                    file.path());
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the admin credential from {} to {}: {}", ENV_PASSWORD, file.path(),
                    e.toString());
        }
    }

    /** @return true (and says so) if the user's stored hash already matches the password */
    private static boolean alreadyStored(UsersFile file, String adminUser, PasswordHasher hasher, char[] password)
            throws IOException {
        String stored = file.storedPassword(adminUser);
        int mark = UsersFile.CRYPT_MARK.length();
        if (stored != null && stored.startsWith(UsersFile.CRYPT_MARK) && stored.endsWith(UsersFile.CRYPT_MARK)
                && stored.length() >= 2 * mark
                && hasher.verify(password, stored.substring(mark, stored.length() - mark))) {
            LOG.info("admin credential set from {} (user {}; already stored in {}, unchanged)", ENV_PASSWORD,
                    adminUser, file.path());
            return true;
        }
        return false;
    }

    /**
     * Tells whether Karaf hashes clear-text passwords in users.properties itself ({@code encryption.enabled} of
     * {@value #JAAS_PID}; Karaf's default is false). When that cannot be read, assumes it does: waiting for it is
     * bounded, losing the credential is not.
     */
    private boolean karafHashesPasswords() {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + JAAS_PID + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return false;
            }
            Object enabled = found[0].getProperties().get("encryption.enabled");
            return enabled != null && Boolean.parseBoolean(enabled.toString().trim());
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.debug("Cannot read {}; assuming Karaf hashes clear-text passwords", JAAS_PID, e);
            return true;
        }
    }

    /** Checks the users file and shows or removes the banner accordingly. */
    void reconcile() {
        synchronized (lock) {
            if (users == null) {
                return;
            }
            boolean now;
            try {
                now = users.hasCredential();
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot read {}: {}; treating it as having no credential.", users.path(), e.toString());
                now = false;
            }
            if (credential == null || credential != now) {
                if (now) {
                    LOG.info("A login credential exists in {}.", users.path());
                } else {
                    LOG.warn("{}", BANNER.replaceAll("\\s+", " ").trim());
                }
            }
            credential = now;
            updateBanner(!now);
        }
    }

    private void updateBanner(boolean show) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(SHELL_PID, null);
            Dictionary<String, Object> properties = configuration.getProperties();
            Object current = properties == null ? null : properties.get(BANNER_KEY);
            boolean ours = current instanceof String && ((String) current).startsWith(BANNER_MARK);
            if (show) {
                if (current != null && !ours) {
                    if (!foreignBannerReported) {
                        LOG.info("Keeping the configured SSH {} of {}; it does not carry the instructions above.",
                                BANNER_KEY, SHELL_PID);
                        foreignBannerReported = true;
                    }
                    return;
                }
                if (BANNER.equals(current)) {
                    return;
                }
                if (properties == null) {
                    properties = new Hashtable<>();
                }
                properties.put(BANNER_KEY, BANNER);
                configuration.update(properties);
            } else if (ours) {
                properties.remove(BANNER_KEY);
                configuration.update(properties);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not update the SSH {} in configuration {}: {}", BANNER_KEY, SHELL_PID, e.toString());
        }
    }

    private void startWatching(Path usersFile) {
        Path absolute = usersFile.toAbsolutePath();
        Path dir = absolute.getParent();
        Path name = absolute.getFileName();
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            Thread thread = new Thread(() -> watch(service, name), "nautilus-users-properties-watch");
            thread.setDaemon(true);
            synchronized (lock) {
                watchService = service;
                watcher = thread;
            }
            thread.start();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot watch {} ({}); a credential set while Nautilus runs is noticed at the next start.",
                    usersFile, e.toString());
        }
    }

    private void watch(WatchService service, Path name) {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
            boolean relevant = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
            }
            if (relevant) {
                // jaas:update and Karaf's password encryption rewrite the file in place (truncate, then write): read
                // it once the writes have settled, not half-written, which would show the banner and so restart the
                // SSH server with every session on it
                try {
                    Thread.sleep(SETTLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    WatchKey more;
                    while ((more = service.poll()) != null) {
                        more.pollEvents();
                        more.reset();
                    }
                } catch (ClosedWatchServiceException e) {
                    return;
                }
                try {
                    reconcile();
                } catch (RuntimeException e) {
                    LOG.error("Checking the users file failed", e);
                }
            }
            if (!key.reset()) {
                LOG.warn("Stopped watching the users file: its directory is no longer accessible.");
                return;
            }
        }
    }
}
