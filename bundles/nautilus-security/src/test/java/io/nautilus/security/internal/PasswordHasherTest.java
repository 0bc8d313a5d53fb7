package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void verifiesTheHashedPassword() {
        String stored = hasher.hash("correct horse".toCharArray());

        assertThat(hasher.verify("correct horse".toCharArray(), stored)).isTrue();
    }

    @Test
    void rejectsAWrongPassword() {
        String stored = hasher.hash("correct horse".toCharArray());

        assertThat(hasher.verify("correct horsE".toCharArray(), stored)).isFalse();
        assertThat(hasher.verify("".toCharArray(), stored)).isFalse();
    }

    @Test
    void saltsDifferForTheSamePassword() {
        String a = hasher.hash("same password".toCharArray());
        String b = hasher.hash("same password".toCharArray());

        assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void storedFormNamesSchemeAndIterationsAndHoldsNoClearText() {
        String stored = new PasswordHasher(12_345).hash("s3cret-value".toCharArray());

        assertThat(stored).startsWith("pbkdf2-sha256$12345$").doesNotContain("s3cret");
        assertThat(stored).matches("pbkdf2-sha256\\$12345\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesWithTheIterationsStoredNotTheConfiguredOnes() {
        String stored = new PasswordHasher(12_345).hash("s3cret-value".toCharArray());

        assertThat(new PasswordHasher(20_000).verify("s3cret-value".toCharArray(), stored)).isTrue();
        String tampered = stored.replace("$12345$", "$12346$");
        assertThat(hasher.verify("s3cret-value".toCharArray(), tampered)).isFalse();
    }

    @Test
    void malformedStoredValuesAreRejectedWithoutException() {
        char[] pw = "whatever1".toCharArray();
        String good = hasher.hash(pw);

        assertThat(hasher.verify(pw, null)).isFalse();
        assertThat(hasher.verify(pw, "")).isFalse();
        assertThat(hasher.verify(pw, "whatever1")).isFalse();
        assertThat(hasher.verify(pw, "pbkdf2-sha256$x$AAAA$BBBB")).isFalse();
        assertThat(hasher.verify(pw, "pbkdf2-sha256$10000$!!!$BBBB")).isFalse();
        assertThat(hasher.verify(pw, "pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).isFalse();
        assertThat(hasher.verify(pw, good.substring(0, good.length() - 4))).isFalse();
        assertThat(hasher.verify(pw, good + "$extra")).isFalse();
        assertThat(hasher.verify(pw, good.replace("pbkdf2-sha256", "pbkdf2-sha1"))).isFalse();
        assertThat(PasswordHasher.isWellFormed(good)).isTrue();
        assertThat(PasswordHasher.isWellFormed("{CRYPT}" + good + "{CRYPT}")).isFalse();
    }

    @Test
    void refusesEmptyPasswordsAndOutOfRangeIterations() {
        assertThatThrownBy(() -> hasher.hash(new char[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new PasswordHasher(999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999");
    }
}
