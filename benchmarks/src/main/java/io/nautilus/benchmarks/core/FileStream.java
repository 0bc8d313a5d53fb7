package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.replay.CommandFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link CommandStream} read from a replay command file as {@link StreamGenerator} writes it (the file the
 * exchange-core side of {@code benchmarks/core/vs-exchange-core.sh} reads too): definitions made from the file's
 * accounts and instruments, as the generated mixes define them (tick, lot and minimum 1, scales 0, no fees, no
 * self-trade prevention), then the file's rows. The last {@code flow} rows are the flow, the rows before them the
 * initial book.
 */
final class FileStream implements CommandStream {

    private final CommandFile file;
    private final Path path;
    private final int definitions;
    private final int setup;

    private FileStream(CommandFile file, Path path, int flow) {
        this.file = file;
        this.path = path;
        this.definitions = file.instruments().size() + file.accounts().size();
        if (flow > file.size()) {
            throw new IllegalArgumentException(path + " holds " + file.size() + " rows, fewer than the " + flow
                    + " warm-up and measured commands asked for");
        }
        this.setup = definitions + file.size() - flow;
    }

    /**
     * @param path the file (gzip if its name ends in .gz)
     * @param flow warm-up + measured commands: the file's last rows
     * @return the stream
     * @throws IOException if the file cannot be read
     */
    static FileStream load(Path path, int flow) throws IOException {
        return new FileStream(CommandFile.load(path), path, flow);
    }

    @Override
    public int size() {
        return definitions + file.size();
    }

    @Override
    public int definitions() {
        return definitions;
    }

    @Override
    public int setupSize() {
        return setup;
    }

    @Override
    public void fill(int i, Command slot) {
        int instruments = file.instruments().size();
        if (i < instruments) {
            slot.clear();
            InstrumentCommand.encode(i, file.instruments().get(i), 1, 1, 1, 0, 0, 0, 0, 0, 0, false, slot);
        } else if (i < definitions) {
            slot.clear();
            slot.op = Op.ADD_ACCOUNT;
            slot.account = i - instruments;
            slot.text = file.accounts().get(i - instruments);
            slot.flags = SelfTradePrevention.NONE.ordinal();
        } else {
            file.fill(i - definitions, slot);
            slot.reply = null;
            slot.ingressNanos = 0;
        }
        slot.seq = 0;
        slot.timestamp = 0;
    }

    @Override
    public String describe() {
        return path + ": " + file.size() + " rows, " + file.accounts().size() + " accounts, "
                + file.instruments().size() + " instrument(s); flow from row " + (setup - definitions + 1);
    }
}
