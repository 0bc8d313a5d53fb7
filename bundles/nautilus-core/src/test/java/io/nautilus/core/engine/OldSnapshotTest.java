package io.nautilus.core.engine;

import io.nautilus.core.Command;
import io.nautilus.core.journal.Recovery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots written before risk and positions moved to dense arrays restore, write back byte for byte, and the
 * engine goes on exactly as the old engine did. The fixtures in {@code old-snapshots/} were written by the core at
 * commit b9ed722 (hash maps per account, per pair and per order): it ran a stream up to command {@code at}, wrote
 * every snapshot part, then went on to command {@code end} and recorded the SHA-256 of every outcome
 * ({@link SnapshotContinuationTest#describe}, one per line) and of its final snapshot ({@code expected.txt}: the
 * number of commands, the outcomes' digest, the old engine's final snapshot's digest).
 *
 * <p>Since rate windows keep only the acquisitions still inside their second (not the last {@code capacity} ones,
 * which took 160 KB per account and window at a limit of 20 000 per second), the final snapshot holds fewer window
 * times than the old engine's: the outcomes are still the old engine's, command for command, and the final snapshot
 * is checked against a fourth column, the digest this engine wrote. Since the windows of all accounts keep their
 * times in one log per kind, which drops them relative to the latest time of any account (not each window at its
 * own account's last command), a quiet account's window holds none of the times that have left the second of the
 * latest command, and the fourth column moved once more; the outcomes did not.
 */
class OldSnapshotTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rich-11-at-5000, rich, 11, 5000", "wide-3-at-1000, wide, 3, 1000", "wide-3-at-3000, wide, 3, 3000"})
    void anOldSnapshotRestoresAndTheEngineGoesOnAsTheOldOneDid(String name, String kind, long seed, int at)
            throws IOException {
        byte[] old = resource(name + ".snapshot");
        String[] expected = expected(name);
        int end = Integer.parseInt(expected[0]);

        TradingEngine restored = SnapshotContinuationTest.restore(old);
        assertThat(EngineDriver.bytes(restored.snapshotParts())).as("%s written back", name).isEqualTo(old);

        Command c = new Command();
        MessageDigest outcomes = sha256();
        for (int k = at; k < end; k++) {
            fill(kind, seed, k, c);
            assertThat(Recovery.process(restored, c)).as("%s: command %d", name, k).isNull();
            outcomes.update((SnapshotContinuationTest.describe(c) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(outcomes.digest())).as("%s: outcomes of commands %d..%d", name, at, end)
                .isEqualTo(expected[1]);
        assertThat(HexFormat.of().formatHex(sha256().digest(EngineDriver.bytes(restored.snapshotParts()))))
                .as("%s: final snapshot", name).isEqualTo(expected.length > 3 ? expected[3] : expected[2]);
    }

    private static void fill(String kind, long seed, int k, Command c) {
        if (kind.equals("rich")) {
            new RichStream(seed).fill(k, c);
        } else {
            new WideStream(seed).fill(k, c);
        }
    }

    private static String[] expected(String name) throws IOException {
        for (String line : new String(resource("expected.txt"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).split(" ");
            }
        }
        throw new IllegalStateException("no expected line for " + name);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(OldSnapshotTest.class.getResourceAsStream("old-snapshots/" + name),
                name)) {
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
