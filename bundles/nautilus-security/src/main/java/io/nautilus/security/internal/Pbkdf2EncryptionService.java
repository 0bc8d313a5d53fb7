package io.nautilus.security.internal;

import java.util.Map;
import java.util.Set;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Component;

/**
 * Karaf JAAS {@link EncryptionService} named {@code nautilus}: PBKDF2-HMAC-SHA256 password hashes.
 *
 * <p>Selected by {@code encryption.name = nautilus} in {@code etc/org.apache.karaf.jaas.cfg}. Karaf's
 * {@code EncryptionSupport} hands {@link #createEncryption(Map)} every {@code encryption.*} option minus
 * {@code prefix}, {@code suffix}, {@code enabled} and {@code name}; for the {@code karaf} realm that is always
 * {@code algorithm} and {@code encoding} (Karaf fills in {@code SHA-256} / {@code hexadecimal} when they are
 * absent), which matter only to Karaf's own digest encryption and are ignored here. The stored hash names its
 * own scheme and iterations, so verification needs no option.
 */
@Component(service = EncryptionService.class, property = "name=" + Pbkdf2EncryptionService.NAME)
public final class Pbkdf2EncryptionService implements EncryptionService {

    /** The service property {@code name} that {@code encryption.name} selects. */
    public static final String NAME = "nautilus";

    /** Option: PBKDF2 iterations for new hashes. */
    public static final String OPTION_ITERATIONS = "iterations";

    /** Options Karaf always passes for its digest encryption; accepted and ignored. */
    private static final Set<String> IGNORED_OPTIONS = Set.of(ALGORITHM, ENCODING);

    /**
     * Creates an encryption for the given options.
     *
     * @param options {@code iterations} (optional, default {@value PasswordHasher#DEFAULT_ITERATIONS});
     *                {@code algorithm} and {@code encoding} are ignored
     * @return a PBKDF2 encryption
     * @throws IllegalArgumentException on an unknown option or an invalid iteration count
     */
    @Override
    public Encryption createEncryption(Map<String, String> options) {
        int iterations = PasswordHasher.DEFAULT_ITERATIONS;
        if (options != null) {
            for (Map.Entry<String, String> option : options.entrySet()) {
                String key = option.getKey();
                if (OPTION_ITERATIONS.equals(key)) {
                    iterations = parseIterations(option.getValue());
                } else if (!IGNORED_OPTIONS.contains(key)) {
                    throw new IllegalArgumentException("Unsupported option 'encryption." + key
                            + "' for encryption service '" + NAME + "'; supported: encryption." + OPTION_ITERATIONS);
                }
            }
        }
        return new Pbkdf2Encryption(new PasswordHasher(iterations));
    }

    private static int parseIterations(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("encryption." + OPTION_ITERATIONS + " must be an integer, was '"
                    + value + "'", e);
        }
    }

    /** The {@link Encryption} Karaf calls, without the {@code {CRYPT}} prefix and suffix (Karaf handles those). */
    static final class Pbkdf2Encryption implements Encryption {
        private final PasswordHasher hasher;

        Pbkdf2Encryption(PasswordHasher hasher) {
            this.hasher = hasher;
        }

        @Override
        public String encryptPassword(String password) {
            return hasher.hash(password.toCharArray());
        }

        /**
         * Karaf's argument order: {@code EncryptionSupport.checkPassword(input, stored)} strips the prefix and
         * suffix from the stored value and calls this with (clear input, stored hash).
         */
        @Override
        public boolean checkPassword(String input, String stored) {
            if (input == null) {
                return false;
            }
            return hasher.verify(input.toCharArray(), stored);
        }
    }
}
