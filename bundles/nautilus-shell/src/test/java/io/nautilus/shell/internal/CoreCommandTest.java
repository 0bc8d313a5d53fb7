package io.nautilus.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What the tests of commands against a fake core share: the fake core and the console the commands print to. */
abstract class CoreCommandTest {

    final FakeTradingCore core = new FakeTradingCore();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The command with the fake core as its trading core and admin service. */
    <C extends CoreCommand> C wired(C command) {
        command.core = core;
        command.admin = core;
        return command;
    }

    /** Everything printed to {@link #out} so far. */
    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
