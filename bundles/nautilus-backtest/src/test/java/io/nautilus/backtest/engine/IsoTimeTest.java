package io.nautilus.backtest.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTest {

    @Test
    void writesWhatInstantToStringWrites() {
        IsoTime iso = new IsoTime();
        SplittableRandom random = new SplittableRandom(11);
        long[] fixed = {0, 1, 999, 1_000, 1_000_000, 123_456_789, 1_704_189_600_000_000_000L,
                1_704_189_600_120_000_000L, 1_704_189_600_000_120_000L, 1_704_275_999_999_999_999L};
        for (long n : fixed) {
            assertThat(format(iso, n)).isEqualTo(Instant.ofEpochSecond(0, n).toString());
        }
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong(0, 4_000_000_000_000_000_000L);
            if (i % 3 == 0) {
                n -= n % 1_000_000;
            } else if (i % 3 == 1) {
                n -= n % 1_000;
            }
            assertThat(format(iso, n)).as("nanos %d", n).isEqualTo(Instant.ofEpochSecond(0, n).toString());
        }
    }

    private static String format(IsoTime iso, long nanos) {
        StringBuilder sb = new StringBuilder();
        iso.append(sb, nanos);
        return sb.toString();
    }
}
