package io.nautilus.benchmarks.core;

import io.nautilus.core.matching.ColumnarStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the generated streams: the same mix, seed and size must give the same commands and the same command file
 * (the load generator, the replay tool and the exchange-core side by side all run them). Digests taken before the
 * mixes moved onto {@link ColumnarStream}.
 */
class MixStreamTest {

    private static final int COMMANDS = 2_000;

    @Test
    void orderFlowMixesStayTheSameCommandForCommand() {
        assertThat(((ColumnarStream) Mix.NEW_CANCEL.generate(1, COMMANDS)).digest())
                .isEqualTo("ed04fbca9f8f61e0effc351bd73af0c71974d5cc41c447486fcc7d50987733ea");
        assertThat(((ColumnarStream) Mix.AGGRESSIVE.generate(1, COMMANDS)).digest())
                .isEqualTo("8bffca1e426e59ea55e5d6f59613cc127b6af8fd43dec2c71a97d93a45050f1b");
        assertThat(((ColumnarStream) Mix.AGGRESSIVE.generate(7, COMMANDS)).digest())
                .isEqualTo("9390c810f7d3b1482be48d667c4c5f83afb48b48340476b5b3a9bebb836d7a85");
    }

    @Test
    void commandFilesStayTheSame(@TempDir Path dir) throws IOException {
        assertThat(fileDigest(Mix.EXCHANGE_CORE, dir))
                .isEqualTo("898d306bced7f51aa02b32f1346de0edb4f5c7c06169349f2d4b897ab299b00f");
        assertThat(fileDigest(Mix.NEW_CANCEL, dir))
                .isEqualTo("21121b1bd7522612e3cd3b41ff975e43e865575c55644c588df0257a1637733d");
        assertThat(fileDigest(Mix.AGGRESSIVE, dir))
                .isEqualTo("cef6cc26c00defebfe5eb15392284ac35f0353b60f704f1d536ec50f3dfa542f");
    }

    @Test
    void everyMixDefinesItsInstrumentAndAccountsFirst() {
        for (Mix mix : Mix.values()) {
            CommandStream stream = mix.generate(1, COMMANDS);

            assertThat(stream.definitions()).as(mix.label()).isEqualTo(1 + OrderFlowMix.ACCOUNTS);
            assertThat(stream.setupSize()).as(mix.label()).isEqualTo(stream.definitions() + 2 * 500);
            assertThat(stream.size()).as(mix.label()).isEqualTo(stream.setupSize() + COMMANDS);
        }
    }

    private static String fileDigest(Mix mix, Path dir) throws IOException {
        Path file = dir.resolve(mix.label() + ".csv");
        StreamGenerator.write(mix.generate(1, COMMANDS), file);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
