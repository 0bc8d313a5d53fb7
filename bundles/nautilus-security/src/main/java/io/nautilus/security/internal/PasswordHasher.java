package io.nautilus.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies passwords with the JDK's {@code PBKDF2WithHmacSHA256}.
 *
 * <p>The stored form describes itself: {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}
 * (unpadded standard Base64, 16-byte random salt, 32-byte hash). It holds no character that Java
 * properties files, Karaf's {@code users.properties} reader or its comma-separated role list treat specially.
 *
 * <p>Plain Java on purpose: {@link PasswdTool} runs it with only the JDK on the class path, so this class
 * must not touch OSGi, Karaf or logging classes.
 */
public final class PasswordHasher {

    /** The scheme tag that starts every stored hash. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** Iterations used when none are configured (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** Lowest iteration count accepted for new hashes. */
    public static final int MIN_ITERATIONS = 10_000;

    /** Highest iteration count accepted, for new hashes and when reading stored ones. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_PASSWORD_CHARS = 4096;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates a hasher.
     *
     * @param iterations PBKDF2 iterations for new hashes, in [{@value #MIN_ITERATIONS}, {@value #MAX_ITERATIONS}]
     * @throws IllegalArgumentException if {@code iterations} is out of range
     */
    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations " + iterations + " out of range ["
                    + MIN_ITERATIONS + ", " + MAX_ITERATIONS + "]");
        }
        this.iterations = iterations;
    }

    /** Creates a hasher with {@value #DEFAULT_ITERATIONS} iterations. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** @return the PBKDF2 iterations used for new hashes */
    public int iterations() {
        return iterations;
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the clear password, not empty; the caller still owns (and should clear) the array
     * @return the self-describing stored form
     * @throws IllegalArgumentException if the password is empty or longer than 4096 characters
     */
    public String hash(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (password.length > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_CHARS + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + '$' + iterations + '$' + b64.encodeToString(salt) + '$' + b64.encodeToString(hash);
    }

    /**
     * Checks a password against a stored hash, in constant time over the hash bytes.
     *
     * @param password the clear password offered
     * @param stored   a value produced by {@link #hash(char[])}
     * @return true if the password matches; false if it does not, or if {@code stored} is not a well-formed hash
     */
    public boolean verify(char[] password, String stored) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD_CHARS) {
            return false;
        }
        Parsed parsed = Parsed.of(stored);
        if (parsed == null) {
            return false;
        }
        byte[] candidate = derive(password, parsed.salt, parsed.iterations);
        return MessageDigest.isEqual(candidate, parsed.hash);
    }

    /**
     * Tells whether a value has the stored-hash form, without checking any password.
     *
     * @param stored any string, may be null
     * @return true if {@link #verify(char[], String)} could match it
     */
    public static boolean isWellFormed(String stored) {
        return Parsed.of(stored) != null;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The fields of a stored hash; null from {@link #of(String)} when malformed. */
    private static final class Parsed {
        final int iterations;
        final byte[] salt;
        final byte[] hash;

        private Parsed(int iterations, byte[] salt, byte[] hash) {
            this.iterations = iterations;
            this.salt = salt;
            this.hash = hash;
        }

        static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$", -1);
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8
                        || hash.length != HASH_BITS / 8) {
                    return null;
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
