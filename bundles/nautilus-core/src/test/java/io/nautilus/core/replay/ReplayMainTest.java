package io.nautilus.core.replay;

import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.matching.ExchangeCoreMix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayMainTest {

    static final String HEADER = "seq,op,orderId,account,instrument,side,type,tif,price,qty";
    static final String JSON = "\\{\"commands\":(\\d+),\"trades\":(\\d+),\"seconds\":\\d+\\.\\d{6},"
            + "\"commandsPerSecond\":\\d+}";

    /** Hand-checked: partial fills at the maker's price, an IOC remainder, a crossing REPLACE as aggressor, a REDUCE
     * to zero, cancels of finished and unknown orders, a FOK that cannot fill, a market order, a triggered stop. */
    static final String HAND = HEADER + ",stopPrice\n"
            + "10,NEW,1,alice,ABC,SELL,LIMIT,GTC,101,5,\n"
            + "20,NEW,2,bob,ABC,SELL,LIMIT,GTC,102,5,\n"
            + "30,NEW,3,carol,ABC,BUY,LIMIT,GTC,102,7,\n"
            + "40,NEW,4,carol,ABC,BUY,LIMIT,IOC,103,5,\n"
            + "50,NEW,5,alice,ABC,BUY,LIMIT,GTC,99,4,\n"
            + "60,NEW,6,bob,ABC,SELL,LIMIT,GTC,100,6,\n"
            + "70,REPLACE,5,,,,,,100,,\n"
            + "80,REDUCE,6,,,,,,,2,\n"
            + "90,CANCEL,6,,,,,,,,\n"
            + "100,CANCEL,99,,,,,,,,\n"
            + "110,NEW,7,dave,ABC,BUY,MARKET,IOC,,1,\n"
            + "120,NEW,8,dave,ABC,SELL,LIMIT,GTC,100,3,\n"
            + "130,REPLACE,8,,,,,,,1,\n"
            + "140,NEW,9,erin,ABC,BUY,LIMIT,FOK,100,2,\n"
            + "150,NEW,10,erin,ABC,BUY,MARKET,IOC,,2,\n"
            + "160,NEW,11,frank,ABC,SELL,LIMIT,GTC,105,2,\n"
            + "170,NEW,12,gina,ABC,BUY,STOP,GTC,,3,104\n"
            + "180,NEW,13,hal,ABC,BUY,LIMIT,GTC,104,1,\n"
            + "190,NEW,14,ivan,ABC,SELL,LIMIT,GTC,104,1,\n";
    static final List<String> HAND_TRADES = List.of(
            "seq,takerOrderId,makerOrderId,price,qty",
            "30,3,1,101,5",
            "30,3,2,102,2",
            "40,4,2,102,3",
            "70,5,6,100,4",
            "150,10,8,100,1",
            "190,14,13,104,1",
            "190,12,11,105,2");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReplayMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static String[] args(Path commands, Path trades, boolean pipeline, String... more) {
        List<String> list = new ArrayList<>(List.of("--commands", commands.toString(), "--trades", trades.toString()));
        if (pipeline) {
            list.addAll(List.of("--pipeline", "--fsync", "none"));
        }
        list.addAll(List.of(more));
        return list.toArray(String[]::new);
    }

    // ------------------------------------------------------------------ command line and file errors

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        Run r = run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(ReplayOptions.USAGE);
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(List.of(), "--commands FILE is required"),
                Arguments.of(List.of("--commands", "x.csv", "--journal", "j"), "--journal and --risk need --pipeline"),
                Arguments.of(List.of("--commands", "x.csv", "--risk", "r"), "--journal and --risk need --pipeline"),
                Arguments.of(List.of("--commands", "x.csv", "--colour"), "unknown argument '--colour'"),
                Arguments.of(List.of("--commands"), "--commands needs a value"),
                Arguments.of(List.of("--commands", "x.csv", "--stp", "sometimes"), "unknown self-trade prevention"),
                Arguments.of(List.of("--commands", "x.csv", "--warmup", "x"), "--warmup 'x' must be an integer"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badCommandLines")
    void aBadCommandLineExitsTwoWithTheReasonAndTheUsage(List<String> args, String reason) {
        Run r = run(args.toArray(String[]::new));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(reason).contains("usage: nautilus-replay");
        assertThat(r.out()).isEmpty();
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("seq,op,orderId\n", "line 1: header"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100\n", "line 2: 9 columns, expected 10"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,ten\n", "line 2: qty 'ten' is not an integer"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,1\n2,MOVE,1,,,,,,,\n", "line 3: op 'MOVE'"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,UP,LIMIT,GTC,100,1\n", "line 2: side 'UP'"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,ICEBERG,GTC,100,1\n", "line 2: type 'ICEBERG'"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GFD,100,1\n", "line 2: tif 'GFD'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedFiles")
    void aMalformedFileExitsTwoNamingFileAndLineAndWritesNoOutput(String text, String reason) throws IOException {
        Path commands = file("bad.csv", text);
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(commands, trades, false));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(commands.toString()).contains(reason);
        assertThat(r.out()).isEmpty();
        assertThat(trades).doesNotExist();
    }

    @Test
    void aMissingFileExitsTwo() {
        Run r = run("--commands", dir.resolve("nope.csv").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read").contains("nope.csv");
        assertThat(r.out()).isEmpty();
    }

    // ------------------------------------------------------------------ output

    @Test
    void theJsonLineHasExactlyTheDocumentedFields() throws IOException {
        Run r = run("--commands", file("hand.csv", HAND).toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).matches(JSON + "\\R");
        assertThat(r.out()).startsWith("{\"commands\":19,\"trades\":7,\"seconds\":");
    }

    @ParameterizedTest(name = "pipeline {0}")
    @ValueSource(booleans = {false, true})
    void theTradesOfAHandCheckedStream(boolean pipeline) throws IOException {
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(file("hand.csv", HAND), trades, pipeline));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(trades)).containsExactlyElementsOf(HAND_TRADES);
        assertThat(r.err()).contains("3 command(s) rejected by the engine");
        assertThat(r.out()).matches(JSON + "\\R").startsWith("{\"commands\":19,\"trades\":7,");
    }

    @Test
    void thePipelineWithItsDefaultFsyncGivesTheSameTrades() throws IOException {
        Path trades = dir.resolve("trades.csv");

        Run r = run("--commands", file("hand.csv", HAND).toString(), "--trades", trades.toString(), "--pipeline");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(trades)).containsExactlyElementsOf(HAND_TRADES);
    }

    @Test
    void warmUpRunsDoNotChangeTheTrades() throws IOException {
        Path trades = dir.resolve("trades.csv");

        Run r = run("--commands", file("hand.csv", HAND).toString(), "--trades", trades.toString(), "--warmup", "2");

        assertThat(r.status()).isZero();
        assertThat(Files.readAllLines(trades)).containsExactlyElementsOf(HAND_TRADES);
        assertThat(r.out()).startsWith("{\"commands\":19,\"trades\":7,");
    }

    @Test
    void aGzippedTradesFileIsCompressed() throws IOException {
        Path trades = dir.resolve("trades.csv.gz");

        assertThat(run(args(file("hand.csv", HAND), trades, false)).status()).isZero();

        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(trades))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList())
                    .containsExactlyElementsOf(HAND_TRADES);
        }
    }

    static final String SELF = HEADER + "\n"
            + "1,NEW,1,alice,ABC,SELL,LIMIT,GTC,100,5\n"
            + "2,NEW,2,bob,ABC,SELL,LIMIT,GTC,100,5\n"
            + "3,NEW,3,alice,ABC,BUY,LIMIT,GTC,100,8\n"
            + "4,NEW,4,carol,ABC,BUY,LIMIT,GTC,100,5\n";

    static Stream<Arguments> stpModes() {
        List<Arguments> list = new ArrayList<>();
        for (boolean pipeline : new boolean[] {false, true}) {
            list.add(Arguments.of("none", pipeline, List.of("3,3,1,100,5", "3,3,2,100,3", "4,4,2,100,2")));
            list.add(Arguments.of("cancel-resting", pipeline, List.of("3,3,2,100,5")));
            list.add(Arguments.of("cancel-incoming", pipeline, List.of("4,4,1,100,5")));
            list.add(Arguments.of("cancel-both", pipeline, List.of("4,4,2,100,5")));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "--stp {0}, pipeline {1}")
    @MethodSource("stpModes")
    void selfTradePreventionModesChangeTheTrades(String mode, boolean pipeline, List<String> expected)
            throws IOException {
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(file("self.csv", SELF), trades, pipeline, "--stp", mode));

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(trades);
        assertThat(lines.get(0)).isEqualTo(TradeLog.HEADER);
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void matchingAloneAndThePipelineWriteIdenticalTradesForAnExchangeCoreMix() throws IOException {
        Path commands = writeMix(dir.resolve("mix.csv"), 11, 48_000);
        Path alone = dir.resolve("alone.csv");
        Path piped = dir.resolve("piped.csv");

        Run a = run(args(commands, alone, false));
        Run p = run(args(commands, piped, true));

        assertThat(a.status()).as(a.err()).isZero();
        assertThat(p.status()).as(p.err()).isZero();
        assertThat(a.err()).as("matching alone rejects nothing of a sound stream").isEmpty();
        assertThat(Files.readAllLines(alone)).hasSizeGreaterThan(500);
        assertThat(Files.mismatch(alone, piped)).as("first differing byte").isEqualTo(-1);
        assertThat(p.out().replaceAll("\"seconds\".*", "")).isEqualTo(a.out().replaceAll("\"seconds\".*", ""));
    }

    // ------------------------------------------------------------------ journal and risk

    @Test
    void aJournalFolderThatIsNotEmptyExitsTwo() throws IOException {
        Path journal = Files.createDirectories(dir.resolve("journal"));
        Files.writeString(journal.resolve("something"), "x");
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(file("hand.csv", HAND), trades, true, "--journal", journal.toString()));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(journal.toString()).contains("not empty");
        assertThat(r.out()).isEmpty();
        assertThat(trades).doesNotExist();
        try (Stream<Path> files = Files.list(journal)) {
            assertThat(files).containsExactly(journal.resolve("something"));
        }
    }

    @Test
    void anEmptyJournalFolderKeepsARecoverableJournalOfTheRun() throws IOException {
        Path journal = dir.resolve("journal");

        Run r = run(args(file("hand.csv", HAND), dir.resolve("trades.csv"), true, "--journal", journal.toString()));

        assertThat(r.status()).as(r.err()).isZero();
        TradingEngine engine = new TradingEngine(0);
        Recovery.Result result = Recovery.run(journal, engine.snapshotParts(), engine, line -> { });
        int definitions = 1 + 9;
        assertThat(result.lastSeq()).isEqualTo(definitions + 19);
        assertThat(engine.registry().view().instruments()).hasSize(1);
        assertThat(engine.registry().view().accounts()).hasSize(9);
        assertThat(engine.matching().workingOrderCount()).isZero();
        int carol = engine.registry().view().accountId("carol");
        int gina = engine.registry().view().accountId("gina");
        assertThat(engine.positions().quantity(carol, 0)).isEqualTo(7 + 3);
        assertThat(engine.positions().quantity(gina, 0)).as("the triggered stop").isEqualTo(2);
    }

    static final String RISKY = HEADER + "\n"
            + "1,NEW,1,alice,ABC,SELL,LIMIT,GTC,100,5\n"
            + "2,NEW,2,bob,ABC,BUY,LIMIT,GTC,100,50\n"
            + "3,NEW,3,bob,ABC,BUY,LIMIT,GTC,100,2\n";

    @Test
    void aRiskFileRejectsTheTooLargeOrder() throws IOException {
        Path risk = file("risk.cfg", "# limits of the test\ndefault.maxOrderQty = 10\n");
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(file("risky.csv", RISKY), trades, true, "--risk", risk.toString()));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(trades)).containsExactly(TradeLog.HEADER, "3,3,1,100,2");
        assertThat(r.err()).contains("1 command(s) rejected");
        assertThat(r.out()).startsWith("{\"commands\":3,\"trades\":1,");
    }

    @Test
    void withoutARiskFileTheLargeOrderTrades() throws IOException {
        Path trades = dir.resolve("trades.csv");

        Run r = run(args(file("risky.csv", RISKY), trades, true));

        assertThat(r.status()).isZero();
        assertThat(Files.readAllLines(trades)).containsExactly(TradeLog.HEADER, "2,2,1,100,5");
        assertThat(r.err()).doesNotContain("rejected");
    }

    @Test
    void aBadRiskFileExitsTwoNamingIt() throws IOException {
        Path risk = file("risk.cfg", "default.maxOrderQty=lots\n");

        Run r = run(args(file("risky.csv", RISKY), dir.resolve("trades.csv"), true, "--risk", risk.toString()));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(risk.toString()).contains("maxOrderQty");
        assertThat(r.out()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** Writes an {@link ExchangeCoreMix} stream (definitions left out: the tool defines them) as a command file. */
    static Path writeMix(Path file, long seed, int commands) throws IOException {
        ExchangeCoreMix mix = ExchangeCoreMix.generate(seed, commands);
        Command c = new Command();
        int seq = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < mix.size(); i++) {
                mix.fill(i, c);
                String row = switch (c.op) {
                    case Op.NEW -> "NEW," + c.orderId + ",acct-" + c.account + ",XCORE," + c.side + "," + c.type + ","
                            + c.tif + "," + c.price + "," + c.qty;
                    case Op.CANCEL -> "CANCEL," + c.orderId + ",,,,,,,";
                    case Op.REPLACE -> "REPLACE," + c.orderId + ",,,,,," + unchanged(c.price) + "," + unchanged(c.qty);
                    case Op.REDUCE -> "REDUCE," + c.orderId + ",,,,,,," + c.qty;
                    default -> null;
                };
                if (row != null) {
                    w.write(++seq + "," + row + "\n");
                }
            }
        }
        assertThat(seq).isGreaterThan(commands);
        assertThat(Files.readAllLines(file).get(1)).startsWith("1,NEW,");
        return file;
    }

    private static String unchanged(long value) {
        return value == Command.UNCHANGED ? "" : Long.toString(value);
    }
}
