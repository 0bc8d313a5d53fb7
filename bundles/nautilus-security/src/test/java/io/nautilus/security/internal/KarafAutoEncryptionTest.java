package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.framework.FrameworkFactory;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.apache.karaf.jaas.modules.properties.AutoEncryptionSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.service.ListenerHook;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The admin credential against Karaf's own password encryption ({@code encryption.enabled = true} in
 * {@code etc/org.apache.karaf.jaas.cfg}), with Karaf's real {@link AutoEncryptionSupport} in a real OSGi framework.
 *
 * <p>At boot Karaf reads users.properties, waits (up to 20 s) for the {@code nautilus} encryption service of this
 * bundle, hashes every clear-text password and saves the copy it read. A credential written in that window was lost.
 */
class KarafAutoEncryptionTest {

    private static final String ADMIN_PASSWORD = "env-Password-1";
    private static final String VIEWER_PASSWORD = "viewer-Plain-1";
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @TempDir
    Path dir;

    private Path users;
    private Framework framework;
    private BundleContext context;
    private AutoEncryptionSupport karafEncryption;
    private final CountDownLatch karafWaitsForTheService = new CountDownLatch(1);
    private final Hashtable<String, Object> jaasConfig = new Hashtable<>(Map.of("encryption.enabled", "true",
            "encryption.name", "nautilus", "encryption.prefix", "{CRYPT}", "encryption.suffix", "{CRYPT}"));
    private final AdminCredentialBootstrap bootstrap = new AdminCredentialBootstrap();

    @BeforeEach
    void setUp() throws Exception {
        users = dir.resolve("users.properties");
        try (InputStream in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            Files.writeString(users, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    + "viewer = " + VIEWER_PASSWORD + ",viewer\n", StandardCharsets.ISO_8859_1);
        }
        Map<String, String> frameworkConfig = new HashMap<>();
        frameworkConfig.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        frameworkConfig.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(frameworkConfig);
        framework.start();
        context = framework.getBundleContext();
        context.registerService(ListenerHook.class, new ListenerHook() {
            @Override
            public void added(Collection<ListenerInfo> listeners) {
                for (ListenerInfo listener : listeners) {
                    String filter = listener.getFilter();
                    if (filter != null && filter.contains("name=" + Pbkdf2EncryptionService.NAME)) {
                        karafWaitsForTheService.countDown();
                    }
                }
            }

            @Override
            public void removed(Collection<ListenerInfo> listeners) {
            }
        }, null);
        bootstrap.configurationAdmin = configAdmin();
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? ADMIN_PASSWORD : null;
    }

    @AfterEach
    void tearDown() throws Exception {
        bootstrap.stop();
        if (karafEncryption != null) {
            karafEncryption.close();
        }
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void adminCredentialSurvivesKarafHashingAClearTextPasswordAtBoot() throws Exception {
        startKarafEncryption();
        assertThat(karafWaitsForTheService.await(20, TimeUnit.SECONDS))
                .as("Karaf read users.properties and waits for the nautilus encryption service").isTrue();

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);
        registerEncryptionService();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            UsersFile file = new UsersFile(users);
            assertThat(verifies(file.storedPassword("viewer"), VIEWER_PASSWORD)).as("viewer hashed by Karaf").isTrue();
            assertThat(verifies(file.storedPassword("admin"), ADMIN_PASSWORD)).as("admin credential").isTrue();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !bootstrap.isApplying());
        assertThat(verifies(new UsersFile(users).storedPassword("admin"), ADMIN_PASSWORD)).isTrue();
        assertThat(Files.readString(users, StandardCharsets.ISO_8859_1)).doesNotContain(VIEWER_PASSWORD)
                .doesNotContain(ADMIN_PASSWORD).contains("viewer = {CRYPT}pbkdf2-sha256$");
        assertThat(bootstrap.hasCredential()).isTrue();
    }

    @Test
    void passwdToolWhileKarafHashesAClearTextPasswordKeepsTheNewPassword() throws Exception {
        Files.writeString(dir.resolve(PasswdTool.JAAS_CFG), "encryption.enabled = true\n");
        startKarafEncryption();
        assertThat(karafWaitsForTheService.await(20, TimeUnit.SECONDS)).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Deque<String> typed = new ArrayDeque<>(List.of(ADMIN_PASSWORD, ADMIN_PASSWORD));
        Thread tool = new Thread(() -> exitCode.set(PasswdTool.run(new String[] {"--users", users.toString(),
            "--iterations", Integer.toString(PasswordHasher.MIN_ITERATIONS)}, prompt -> typed.poll().toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                20_000)));
        tool.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("Waiting"));

        registerEncryptionService();

        tool.join(30_000);
        assertThat(exitCode).as(out.toString(StandardCharsets.UTF_8)).hasValue(PasswdTool.OK);
        UsersFile file = new UsersFile(users);
        assertThat(verifies(file.storedPassword("viewer"), VIEWER_PASSWORD)).isTrue();
        assertThat(verifies(file.storedPassword("admin"), ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void adminCredentialWrittenAtOnceWhenKarafDoesNotHashPasswords() throws Exception {
        jaasConfig.put("encryption.enabled", "false");

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        UsersFile file = new UsersFile(users);
        assertThat(verifies(file.storedPassword("admin"), ADMIN_PASSWORD)).isTrue();
        assertThat(file.storedPassword("viewer")).isEqualTo(VIEWER_PASSWORD);
        assertThat(bootstrap.isApplying()).isFalse();
    }

    private void startKarafEncryption() {
        Map<String, Object> options = new HashMap<>();
        options.put(BundleContext.class.getName(), context);
        options.put("users", users.toString());
        for (Map.Entry<String, Object> entry : jaasConfig.entrySet()) {
            options.put(entry.getKey(), entry.getValue());
        }
        options.put("encryption.iterations", Integer.toString(PasswordHasher.MIN_ITERATIONS));
        karafEncryption = new AutoEncryptionSupport(options);
    }

    private void registerEncryptionService() {
        context.registerService(EncryptionService.class, new Pbkdf2EncryptionService(),
                new Hashtable<>(Map.of("name", Pbkdf2EncryptionService.NAME)));
    }

    private static boolean verifies(String stored, String password) {
        String mark = UsersFile.CRYPT_MARK;
        return stored != null && stored.length() > 2 * mark.length() && stored.startsWith(mark)
                && stored.endsWith(mark)
                && HASHER.verify(password.toCharArray(), stored.substring(mark.length(), stored.length() - mark.length()));
    }

    private ConfigurationAdmin configAdmin() {
        Hashtable<String, Object> shellConfig = new Hashtable<>();
        Configuration shell = configuration("org.apache.karaf.shell", shellConfig);
        Configuration jaas = configuration(AdminCredentialBootstrap.JAAS_PID, jaasConfig);
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && "org.apache.karaf.shell".equals(args[0])) {
                        return shell;
                    }
                    if (method.getName().equals("listConfigurations")) {
                        return args[0] != null && ((String) args[0]).contains(AdminCredentialBootstrap.JAAS_PID)
                                ? new Configuration[] {jaas} : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid, Hashtable<String, Object> properties) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperties":
                            synchronized (properties) {
                                return new Hashtable<>(properties);
                            }
                        case "update":
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                            synchronized (properties) {
                                properties.clear();
                                for (var keys = d.keys(); keys.hasMoreElements();) {
                                    String key = keys.nextElement();
                                    properties.put(key, d.get(key));
                                }
                            }
                            return null;
                        case "getPid": return pid;
                        case "hashCode": return pid.hashCode();
                        case "equals": return proxy == args[0];
                        default: return null;
                    }
                });
    }
}
