package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Checks our hashes through Karaf 4.4.10's own JAAS classes, with a minimal fake OSGi service registry. */
class Pbkdf2EncryptionServiceTest {

    private final Pbkdf2EncryptionService service = new Pbkdf2EncryptionService();

    @TempDir
    Path dir;

    /** The options the Karaf realm passes (Activator fills algorithm/encoding even if the cfg omits them). */
    private Map<String, Object> karafRealmOptions(Path users) {
        Map<String, Object> options = new HashMap<>();
        options.put("users", users.toString());
        options.put("detailed.login.exception", "false");
        options.put("encryption.enabled", "true");
        options.put("encryption.name", "nautilus");
        options.put("encryption.prefix", "{CRYPT}");
        options.put("encryption.suffix", "{CRYPT}");
        options.put("encryption.algorithm", "SHA-256");
        options.put("encryption.encoding", "hexadecimal");
        options.put(BundleContext.class.getName(), registryWith(service));
        return options;
    }

    @Test
    void encryptionAcceptsTheOptionsKarafAlwaysPasses() {
        Encryption encryption = service.createEncryption(Map.of("algorithm", "SHA-256", "encoding", "hexadecimal"));

        String stored = encryption.encryptPassword("trade-desk-1");

        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$");
        assertThat(encryption.checkPassword("trade-desk-1", stored)).isTrue();
        assertThat(encryption.checkPassword("trade-desk-2", stored)).isFalse();
        assertThat(encryption.checkPassword("trade-desk-1", "not-a-hash")).isFalse();
    }

    @Test
    void honoursIterationsAndRejectsUnknownOptions() {
        assertThat(service.createEncryption(Map.of("iterations", "20000")).encryptPassword("trade-desk-1"))
                .startsWith("pbkdf2-sha256$20000$");
        assertThatThrownBy(() -> service.createEncryption(Map.of("rounds", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encryption.rounds");
        assertThatThrownBy(() -> service.createEncryption(Map.of("iterations", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("many");
    }

    @Test
    void karafEncryptionSupportVerifiesOurWrappedHash() {
        EncryptionSupport support = new EncryptionSupport(karafRealmOptions(dir.resolve("users.properties")));
        String stored = UsersFile.CRYPT_MARK + new PasswordHasher(PasswordHasher.MIN_ITERATIONS)
                .hash("trade-desk-1".toCharArray()) + UsersFile.CRYPT_MARK;

        assertThat(support.checkPassword("trade-desk-1", stored)).isTrue();
        assertThat(support.checkPassword("trade-desk-2", stored)).isFalse();
        assertThat(support.encrypt("trade-desk-1")).startsWith("{CRYPT}pbkdf2-sha256$").endsWith("{CRYPT}");
    }

    @Test
    void karafPropertiesLoginModuleLogsInWithTheFileWeWrote() throws Exception {
        Path users = dir.resolve("users.properties");
        try (InputStream in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            Files.copy(in, users);
        }
        new UsersFile(users).setHashedPassword("admin",
                new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash("trade-desk-1".toCharArray()));

        Subject subject = login(users, "admin", "trade-desk-1");

        assertThat(subject.getPrincipals().stream().map(Principal::getName).collect(Collectors.toSet()))
                .contains("admin", "admingroup", "ssh", "admin", "manager", "viewer", "systembundles");
        assertThatThrownBy(() -> login(users, "admin", "trade-desk-2")).isInstanceOf(FailedLoginException.class);
    }

    @Test
    void karafPropertiesLoginModuleRefusesEveryoneOnTheStockFile() throws IOException {
        Path users = dir.resolve("users.properties");
        try (InputStream in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            Files.copy(in, users);
        }

        assertThatThrownBy(() -> login(users, "karaf", "karaf")).isInstanceOf(FailedLoginException.class);
        assertThatThrownBy(() -> login(users, "admin", "admin")).isInstanceOf(FailedLoginException.class);
    }

    private Subject login(Path users, String user, String password) throws Exception {
        Subject subject = new Subject();
        PropertiesLoginModule module = new PropertiesLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, new HashMap<>(), karafRealmOptions(users));
        module.login();
        module.commit();
        return subject;
    }

    /** A BundleContext whose registry holds one EncryptionService with name=nautilus. */
    private static BundleContext registryWith(EncryptionService encryptionService) {
        Map<String, Object> properties = Map.of("name", Pbkdf2EncryptionService.NAME,
                "objectClass", new String[] {EncryptionService.class.getName()}, "service.id", 1L);
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(
                Pbkdf2EncryptionServiceTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperty": return properties.get((String) args[0]);
                        case "getPropertyKeys": return properties.keySet().toArray(new String[0]);
                        case "compareTo": return 0;
                        case "isAssignableTo": return true;
                        case "hashCode": return 1;
                        case "equals": return proxy == args[0];
                        default: return null;
                    }
                });
        return (BundleContext) Proxy.newProxyInstance(Pbkdf2EncryptionServiceTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getServiceReferences":
                        case "getAllServiceReferences":
                            return new ServiceReference<?>[] {reference};
                        case "getServiceReference": return reference;
                        case "getService": return encryptionService;
                        case "ungetService": return true;
                        case "hashCode": return 2;
                        case "equals": return proxy == args[0];
                        default: return null;
                    }
                });
    }
}
