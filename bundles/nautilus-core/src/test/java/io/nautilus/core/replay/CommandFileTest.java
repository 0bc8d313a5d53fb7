package io.nautilus.core.replay;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandFileTest {

    static final String HEADER = "seq,op,orderId,account,instrument,side,type,tif,price,qty";

    @TempDir
    Path dir;

    final Command c = new Command();

    static CommandFile read(String text) throws IOException {
        return CommandFile.read(new BufferedReader(new StringReader(text)), "cmds.csv");
    }

    @Test
    void everyOpParsesAndNamesBecomeDenseIdsInOrderOfFirstUse() throws IOException {
        CommandFile f = read(HEADER + """

                1,NEW,10,alice,ABC,BUY,LIMIT,GTC,100,5
                2,new,11,bob,XYZ,sell,market,ioc,,3
                3,CANCEL,10,,,,,,,
                4,REPLACE,11,,,,,,101,
                5,REPLACE,11,,,,,,,7
                6,REDUCE,11,,,,,,,2
                7,NEW,12,alice,XYZ,BUY,STOP_LIMIT,GTD,99,4
                """);

        assertThat(f.size()).isEqualTo(7);
        assertThat(f.accounts()).containsExactly("alice", "bob");
        assertThat(f.instruments()).containsExactly("ABC", "XYZ");

        f.fill(0, c);
        assertThat(c.seq).isEqualTo(1);
        assertThat(c.op).isEqualTo(Op.NEW);
        assertThat(c.orderId).isEqualTo(10);
        assertThat(c.account).isZero();
        assertThat(c.instrument).isZero();
        assertThat(c.side).isEqualTo(Side.BUY);
        assertThat(c.type).isEqualTo(OrderType.LIMIT);
        assertThat(c.tif).isEqualTo(TimeInForce.GTC);
        assertThat(c.price).isEqualTo(100);
        assertThat(c.qty).isEqualTo(5);
        assertThat(c.timestamp).isZero();

        f.fill(1, c);
        assertThat(c.account).isEqualTo(1);
        assertThat(c.instrument).isEqualTo(1);
        assertThat(c.side).isEqualTo(Side.SELL);
        assertThat(c.type).isEqualTo(OrderType.MARKET);
        assertThat(c.tif).isEqualTo(TimeInForce.IOC);
        assertThat(c.price).as("empty price of a NEW").isZero();

        f.fill(2, c);
        assertThat(c.op).isEqualTo(Op.CANCEL);
        assertThat(c.orderId).isEqualTo(10);
        assertThat(c.account).isEqualTo(Command.ANY);
        assertThat(c.instrument).isEqualTo(Command.ANY);
        assertThat(c.side).isNull();
        assertThat(c.type).isNull();
        assertThat(c.tif).isNull();

        f.fill(3, c);
        assertThat(c.op).isEqualTo(Op.REPLACE);
        assertThat(c.price).isEqualTo(101);
        assertThat(c.qty).as("empty qty of a REPLACE").isEqualTo(Command.UNCHANGED);

        f.fill(4, c);
        assertThat(c.price).as("empty price of a REPLACE").isEqualTo(Command.UNCHANGED);
        assertThat(c.qty).isEqualTo(7);

        f.fill(5, c);
        assertThat(c.op).isEqualTo(Op.REDUCE);
        assertThat(c.qty).isEqualTo(2);

        f.fill(6, c);
        assertThat(c.account).isZero();
        assertThat(c.instrument).isEqualTo(1);
        assertThat(c.type).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(c.tif).isEqualTo(TimeInForce.GTD);
    }

    @Test
    void optionalColumnsMayComeInAnyOrderAndEmptyMeansZero() throws IOException {
        CommandFile f = read(HEADER + ",flags,expiry,displayQty,stopPrice\n"
                + "1,NEW,1,a,X,BUY,STOP_LIMIT,GTD,100,10,POST_ONLY|reduce-only,123456789,2,95\n"
                + "2,NEW,2,a,X,SELL,LIMIT,GTC,100,10,1,,,\n"
                + "3,NEW,3,a,X,SELL,LIMIT,GTC,100,10,none,,,\n");

        f.fill(0, c);
        assertThat(c.flags).isEqualTo(OrderFlags.POST_ONLY | OrderFlags.REDUCE_ONLY);
        assertThat(c.expiry).isEqualTo(123_456_789);
        assertThat(c.displayQty).isEqualTo(2);
        assertThat(c.stopPrice).isEqualTo(95);
        f.fill(1, c);
        assertThat(c.flags).isEqualTo(1);
        assertThat(c.expiry).isZero();
        assertThat(c.displayQty).isZero();
        assertThat(c.stopPrice).isZero();
        f.fill(2, c);
        assertThat(c.flags).isZero();
    }

    @Test
    void withoutOptionalColumnsTheirFieldsAreZeroEvenInAReusedSlot() throws IOException {
        CommandFile f = read(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,10\n");
        c.stopPrice = 7;
        c.displayQty = 7;
        c.flags = 7;
        c.expiry = 7;
        c.text = "left over";

        f.fill(0, c);

        assertThat(c.stopPrice).isZero();
        assertThat(c.displayQty).isZero();
        assertThat(c.flags).isZero();
        assertThat(c.expiry).isZero();
        assertThat(c.text).isNull();
    }

    @Test
    void gzipBomAndCrlfAreAccepted() throws IOException {
        Path file = dir.resolve("cmds.csv.gz");
        byte[] text = ("\uFEFF" + HEADER + "\r\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,10\r\n\r\n"
                + "2,REPLACE,1,,,,,,,20\r\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text);
        }

        CommandFile f = CommandFile.load(file);

        assertThat(f.size()).isEqualTo(2);
        f.fill(1, c);
        assertThat(c.op).isEqualTo(Op.REPLACE);
        assertThat(c.qty).isEqualTo(20);
        assertThat(c.price).isEqualTo(Command.UNCHANGED);
    }

    @Test
    void aPlainFileWithBomAndCrlfLoads() throws IOException {
        Path file = dir.resolve("cmds.csv");
        Files.writeString(file, "\uFEFF" + HEADER + ",flags\r\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,10,POST_ONLY\r\n");

        CommandFile f = CommandFile.load(file);

        f.fill(0, c);
        assertThat(c.flags).isEqualTo(OrderFlags.POST_ONLY);
        assertThat(c.qty).isEqualTo(10);
    }

    static Stream<Arguments> malformed() {
        String row = "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,10\n";
        return Stream.of(
                Arguments.of("", "cmds.csv: empty file"),
                Arguments.of("seq,op,orderId,account,instrument,side,type,tif,price\n", "cmds.csv line 1: header"),
                Arguments.of("seq,op,id,account,instrument,side,type,tif,price,qty\n",
                        "cmds.csv line 1: column 3 is 'id', expected 'orderId'"),
                Arguments.of(HEADER + ",colour\n", "cmds.csv line 1: unknown column 'colour'"),
                Arguments.of(HEADER + row + "2,NEW,2,a,X,BUY,LIMIT,GTC,100\n",
                        "cmds.csv line 3: 9 columns, expected 10"),
                Arguments.of(HEADER + row + "2,NEW,2,a,X,BUY,LIMIT,GTC,100,10,1\n",
                        "cmds.csv line 3: 11 columns, expected 10"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,5x\n", "cmds.csv line 2: qty '5x' is not an integer"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTC,1.5,5\n",
                        "cmds.csv line 2: price '1.5' is not an integer"),
                Arguments.of(HEADER + "\nx,NEW,1,a,X,BUY,LIMIT,GTC,100,5\n", "cmds.csv line 2: seq 'x' is not an integer"),
                Arguments.of(HEADER + "\n1,CANCEL,one,,,,,,,\n", "cmds.csv line 2: orderId 'one' is not an integer"),
                Arguments.of(HEADER + "\n1,AMEND,1,a,X,BUY,LIMIT,GTC,100,5\n", "cmds.csv line 2: op 'AMEND'"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,HOLD,LIMIT,GTC,100,5\n", "cmds.csv line 2: side 'HOLD' is not one of"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,PEG,GTC,100,5\n", "cmds.csv line 2: type 'PEG' is not one of"),
                Arguments.of(HEADER + "\n1,NEW,1,a,X,BUY,LIMIT,GTX,100,5\n", "cmds.csv line 2: tif 'GTX' is not one of"),
                Arguments.of(HEADER + "\n1,NEW,1,,X,BUY,LIMIT,GTC,100,5\n", "cmds.csv line 2: NEW needs account"),
                Arguments.of(HEADER + "\n1,NEW,1,a,,BUY,LIMIT,GTC,100,5\n", "cmds.csv line 2: NEW needs instrument"),
                Arguments.of(HEADER + "\n1,REDUCE,1,,,,,,,\n", "cmds.csv line 2: REDUCE needs qty"),
                Arguments.of(HEADER + ",flags\n1,NEW,1,a,X,BUY,LIMIT,GTC,100,5,ICEBERG\n",
                        "cmds.csv line 2: flag 'ICEBERG'"),
                Arguments.of(HEADER + ",expiry\n1,NEW,1,a,X,BUY,LIMIT,GTD,100,5,tomorrow\n",
                        "cmds.csv line 2: expiry 'tomorrow' is not an integer"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileIsAnErrorNamingFileLineAndColumn(String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
