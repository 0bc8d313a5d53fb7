package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class AdminCredentialBootstrapTest {

    private static final String PASSWORD = "env-Password-1";

    @TempDir
    Path dir;

    private Path users;
    private Hashtable<String, Object> shellConfig;
    private final AtomicInteger updates = new AtomicInteger();
    private final AdminCredentialBootstrap bootstrap = new AdminCredentialBootstrap();

    @BeforeEach
    void setUp() throws IOException {
        users = dir.resolve("users.properties");
        try (InputStream in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            Files.copy(in, users);
        }
        shellConfig = new Hashtable<>(Map.of("sshPort", "8101", "sshRole", "ssh"));
        bootstrap.configurationAdmin = configAdmin();
        bootstrap.environment = name -> null;
    }

    @AfterEach
    void tearDown() {
        bootstrap.stop();
    }

    @Test
    void withoutCredentialShowsTheBanner() {
        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        assertThat(bootstrap.hasCredential()).isFalse();
        assertThat(shellConfig).containsEntry("welcomeBanner", AdminCredentialBootstrap.BANNER)
                .containsEntry("sshPort", "8101");
        assertThat(AdminCredentialBootstrap.BANNER).contains("NAUTILUS_ADMIN_PASSWORD", "bin/nautilus-passwd");
    }

    @Test
    void environmentPasswordIsStoredHashedAndNoBannerIsShown() throws IOException {
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? PASSWORD : null;

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        assertThat(bootstrap.hasCredential()).isTrue();
        assertThat(shellConfig).doesNotContainKey("welcomeBanner");
        assertThat(updates).hasValue(0);
        String text = Files.readString(users);
        assertThat(text).doesNotContain(PASSWORD).contains("admin = {CRYPT}pbkdf2-sha256$");
        String stored = new UsersFile(users).storedPassword("admin");
        assertThat(new PasswordHasher().verify(PASSWORD.toCharArray(), stored.substring(7, stored.length() - 7)))
                .isTrue();
    }

    @Test
    void sameEnvironmentPasswordAtTheNextStartLeavesTheFileUnchanged() throws IOException {
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? PASSWORD : null;
        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);
        bootstrap.stop();
        String first = Files.readString(users);

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        assertThat(Files.readString(users)).isEqualTo(first);
    }

    @Test
    void sameEnvironmentPasswordBesideAClearTextPasswordLeavesTheAdminEntryUnchanged() throws IOException {
        new UsersFile(users).setHashedPassword("admin",
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash(PASSWORD.toCharArray()));
        Files.writeString(users, Files.readString(users) + "viewer = plain-pass-1,viewer\n");
        String before = Files.readString(users);
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? PASSWORD : null;

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        await().atMost(Duration.ofSeconds(20)).until(() -> !bootstrap.isApplying());
        assertThat(Files.readString(users)).isEqualTo(before);
    }

    @Test
    void tooShortEnvironmentPasswordIsNotUsed() throws IOException {
        String before = Files.readString(users);
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? "short" : null;

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);

        assertThat(Files.readString(users)).isEqualTo(before);
        assertThat(shellConfig).containsKey("welcomeBanner");
    }

    @Test
    void credentialWrittenWhileRunningRemovesOurBanner() throws IOException {
        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);
        assertThat(shellConfig).containsKey("welcomeBanner");

        new UsersFile(users).setHashedPassword("admin",
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash(PASSWORD.toCharArray()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !shellConfig.containsKey("welcomeBanner"));
        assertThat(bootstrap.hasCredential()).isTrue();
        assertThat(shellConfig).containsEntry("sshPort", "8101");
    }

    @Test
    void aBannerSomeoneElseConfiguredIsNeverTouched() throws IOException {
        shellConfig.put("welcomeBanner", "Authorised use only");

        bootstrap.start(users, "admin", PasswordHasher.MIN_ITERATIONS);
        assertThat(shellConfig).containsEntry("welcomeBanner", "Authorised use only");

        new UsersFile(users).setHashedPassword("admin",
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash(PASSWORD.toCharArray()));
        await().atMost(Duration.ofSeconds(20)).until(bootstrap::hasCredential);
        assertThat(shellConfig).containsEntry("welcomeBanner", "Authorised use only");
        assertThat(updates).hasValue(0);
    }

    @Test
    void unwritableUsersFileLeavesTheComponentReportingNoCredential() throws IOException {
        Path missingDir = dir.resolve("no-such-dir").resolve("users.properties");
        bootstrap.environment = name -> AdminCredentialBootstrap.ENV_PASSWORD.equals(name) ? PASSWORD : null;

        bootstrap.start(missingDir, "admin", PasswordHasher.MIN_ITERATIONS);

        assertThat(bootstrap.hasCredential()).isFalse();
        assertThat(shellConfig).containsKey("welcomeBanner");
    }

    private ConfigurationAdmin configAdmin() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperties":
                            synchronized (shellConfig) {
                                return new Hashtable<>(shellConfig);
                            }
                        case "update":
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                            synchronized (shellConfig) {
                                shellConfig.clear();
                                for (var keys = d.keys(); keys.hasMoreElements();) {
                                    String key = keys.nextElement();
                                    shellConfig.put(key, d.get(key));
                                }
                            }
                            updates.incrementAndGet();
                            return null;
                        case "getPid": return "org.apache.karaf.shell";
                        case "hashCode": return 3;
                        case "equals": return proxy == args[0];
                        default: return null;
                    }
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && "org.apache.karaf.shell".equals(args[0])) {
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
