package io.nautilus.core.engine;

import io.nautilus.core.Command;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.Snapshotable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The instruments and accounts the core knows, by dense id. Changed only by the writer thread (through
 * {@link io.nautilus.core.Op#ADD_INSTRUMENT} and {@link io.nautilus.core.Op#ADD_ACCOUNT} commands, so the journal
 * rebuilds it); other threads read the immutable {@link View} published after each change. Defining one more
 * account or instrument takes constant time however many there are (a core with 100 000 accounts starts in
 * seconds, not hours: see {@link Definitions}).
 */
public final class Registry implements Snapshotable {

    /**
     * One instrument definition as carried by an ADD_INSTRUMENT command.
     *
     * @param id dense id
     * @param symbol symbol
     * @param tickSize price step
     * @param lotSize quantity step
     * @param minQuantity minimum order quantity
     * @param priceBandBps band in basis points, 0 = off
     * @param referencePrice initial band reference, 0 = none
     * @param priceScale decimals of prices
     * @param quantityScale decimals of quantities
     * @param makerFeeBps maker fee
     * @param takerFeeBps taker fee
     */
    public record InstrumentDef(int id, String symbol, long tickSize, long lotSize, long minQuantity,
                                long priceBandBps, long referencePrice, int priceScale, int quantityScale,
                                long makerFeeBps, long takerFeeBps) {
    }

    /**
     * One account definition.
     *
     * @param id dense id
     * @param name account name
     * @param stp self-trade prevention mode
     * @param capital configured capital, money scale, at least 0 (0 = none): equity = capital + net P&amp;L
     */
    public record AccountDef(int id, String name, SelfTradePrevention stp, long capital) {

        /**
         * An account without capital.
         *
         * @param id dense id
         * @param name account name
         * @param stp self-trade prevention mode
         */
        public AccountDef(int id, String name, SelfTradePrevention stp) {
            this(id, name, stp, 0);
        }
    }

    /**
     * What other threads see: immutable.
     *
     * @param instruments by dense id
     * @param accounts by dense id
     * @param instrumentIds symbol to id
     * @param accountIds name to id
     */
    public record View(List<InstrumentDef> instruments, List<AccountDef> accounts, Map<String, Integer> instrumentIds,
                       Map<String, Integer> accountIds) {

        /**
         * @param symbol a symbol
         * @return its dense id or -1
         */
        public int instrumentId(String symbol) {
            Integer id = instrumentIds.get(symbol);
            return id == null ? -1 : id;
        }

        /**
         * @param name an account name
         * @return its dense id or -1
         */
        public int accountId(String name) {
            Integer id = accountIds.get(name);
            return id == null ? -1 : id;
        }

        /**
         * @param id dense id
         * @return the instrument or null
         */
        public InstrumentDef instrument(int id) {
            return id >= 0 && id < instruments.size() ? instruments.get(id) : null;
        }

        /**
         * @param id dense id
         * @return the account or null
         */
        public AccountDef account(int id) {
            return id >= 0 && id < accounts.size() ? accounts.get(id) : null;
        }
    }

    private static final int CAPITAL_FLAG = 1 << 16;

    private final Definitions<InstrumentDef> instruments = new Definitions<>(InstrumentDef::id, InstrumentDef::symbol);
    private final Definitions<AccountDef> accounts = new Definitions<>(AccountDef::id, AccountDef::name);
    private volatile View view = new View(List.of(), List.of(), Map.of(), Map.of());

    /** @return the latest published view (any thread) */
    public View view() {
        return view;
    }

    /**
     * Encodes an instrument definition into an ADD_INSTRUMENT command of an instrument matched in the core's book
     * ({@link InstrumentCommand}, the layout {@link #instrumentOf} reads).
     *
     * @param def the definition
     * @param into the command slot
     */
    public static void encode(InstrumentDef def, Command into) {
        encode(def, false, into);
    }

    /**
     * Encodes an instrument definition into an ADD_INSTRUMENT command ({@link InstrumentCommand}).
     *
     * @param def the definition
     * @param external true if the instrument's orders go to an external venue instead of the core's book
     * @param into the command slot
     */
    public static void encode(InstrumentDef def, boolean external, Command into) {
        InstrumentCommand.encode(def.id(), def.symbol(), def.tickSize(), def.lotSize(), def.minQuantity(),
                def.priceBandBps(), def.referencePrice(), def.priceScale(), def.quantityScale(), def.makerFeeBps(),
                def.takerFeeBps(), external, into);
    }

    /**
     * Encodes an account definition into an ADD_ACCOUNT command (the capital in {@link Command#price}).
     *
     * @param def the definition
     * @param into the command slot
     */
    public static void encode(AccountDef def, Command into) {
        into.op = io.nautilus.core.Op.ADD_ACCOUNT;
        into.account = def.id();
        into.text = def.name();
        into.flags = def.stp().ordinal();
        into.price = def.capital();
    }

    /**
     * Decodes an ADD_INSTRUMENT command ({@link InstrumentCommand}; its external flag is not part of the
     * definition).
     *
     * @param c the command
     * @return the definition
     * @throws IllegalArgumentException if the command does not hold a valid definition
     */
    public static InstrumentDef instrumentOf(Command c) {
        String problem = InstrumentCommand.problem(c);
        if (problem != null) {
            throw new IllegalArgumentException("invalid instrument definition: " + problem);
        }
        return new InstrumentDef(InstrumentCommand.id(c), InstrumentCommand.symbol(c), InstrumentCommand.tickSize(c),
                InstrumentCommand.lotSize(c), InstrumentCommand.minQuantity(c), InstrumentCommand.priceBandBps(c),
                InstrumentCommand.referencePrice(c), InstrumentCommand.priceScale(c),
                InstrumentCommand.quantityScale(c), InstrumentCommand.makerFeeBps(c), InstrumentCommand.takerFeeBps(c));
    }

    /**
     * Decodes an ADD_ACCOUNT command.
     *
     * @param c the command
     * @return the definition
     * @throws IllegalArgumentException if the command does not hold a valid definition
     */
    public static AccountDef accountOf(Command c) {
        if (c.text == null || c.text.isBlank() || c.account < 0 || c.price < 0) {
            throw new IllegalArgumentException("invalid account definition " + c);
        }
        return new AccountDef(c.account, c.text, SelfTradePrevention.of(c.flags), c.price);
    }

    /**
     * Adds or redefines an instrument (writer thread). Ids are dense: a new id must be the next one; a symbol keeps
     * its id.
     *
     * @param def the definition
     * @return null if applied, else why not
     */
    public String define(InstrumentDef def) {
        String problem = problem(def);
        if (problem != null) {
            return problem;
        }
        if (instruments.put(def)) {
            publish();
        }
        return null;
    }

    /**
     * Checks a definition without applying it.
     *
     * @param def the definition
     * @return null if {@link #define(InstrumentDef)} would apply it, else why not
     */
    public String problem(InstrumentDef def) {
        if (def.id() < instruments.size()) {
            if (!instruments.get(def.id()).symbol().equals(def.symbol())) {
                return "instrument id " + def.id() + " is " + instruments.get(def.id()).symbol() + ", not "
                        + def.symbol();
            }
        } else if (def.id() == instruments.size()) {
            int id = instruments.idOf(def.symbol());
            if (id >= 0) {
                return "instrument " + def.symbol() + " already has id " + id;
            }
        } else {
            return "instrument id " + def.id() + " is not the next id " + instruments.size();
        }
        return null;
    }

    /**
     * Adds or redefines an account (writer thread).
     *
     * @param def the definition
     * @return null if applied, else why not
     */
    public String define(AccountDef def) {
        if (def.id() < accounts.size()) {
            if (!accounts.get(def.id()).name().equals(def.name())) {
                return "account id " + def.id() + " is " + accounts.get(def.id()).name() + ", not " + def.name();
            }
        } else if (def.id() == accounts.size()) {
            int id = accounts.idOf(def.name());
            if (id >= 0) {
                return "account " + def.name() + " already has id " + id;
            }
        } else {
            return "account id " + def.id() + " is not the next id " + accounts.size();
        }
        if (accounts.put(def)) {
            publish();
        }
        return null;
    }

    /** @return number of instruments (writer thread) */
    public int instrumentCount() {
        return instruments.size();
    }

    /** @return number of accounts (writer thread) */
    public int accountCount() {
        return accounts.size();
    }

    /** Publishes the definitions as they are now: constant time, whatever their number (see {@link Definitions}). */
    private void publish() {
        view = new View(instruments.list(), accounts.list(), instruments.ids(), accounts.ids());
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeInt(instruments.size());
        for (InstrumentDef d : instruments.list()) {
            out.writeUTF(d.symbol());
            out.writeLong(d.tickSize());
            out.writeLong(d.lotSize());
            out.writeLong(d.minQuantity());
            out.writeLong(d.priceBandBps());
            out.writeLong(d.referencePrice());
            out.writeInt(d.priceScale());
            out.writeInt(d.quantityScale());
            out.writeLong(d.makerFeeBps());
            out.writeLong(d.takerFeeBps());
        }
        out.writeInt(accounts.size());
        for (AccountDef d : accounts.list()) {
            out.writeUTF(d.name());
            // the capital flag keeps snapshots written before capital existed readable
            out.writeInt(d.stp().ordinal() | CAPITAL_FLAG);
            out.writeLong(d.capital());
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        instruments.clear();
        accounts.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            instruments.put(new InstrumentDef(i, in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readLong(), in.readLong()));
        }
        int m = in.readInt();
        for (int i = 0; i < m; i++) {
            String name = in.readUTF();
            int code = in.readInt();
            long capital = (code & CAPITAL_FLAG) != 0 ? in.readLong() : 0;
            accounts.put(new AccountDef(i, name, SelfTradePrevention.of(code & ~CAPITAL_FLAG), capital));
        }
        publish();
    }
}
