package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.matching.ExchangeCoreMix;

/**
 * exchange-core's order book mix ({@link ExchangeCoreMix}: ~500 resting orders per side over ~125 ticks each side,
 * 12.6% GTC, 1.8% IOC, 7.2% cancel, 71.2% price replace, 7.2% reduce, ~2% trading) as a {@link CommandStream}.
 */
public final class ExchangeCoreStream implements CommandStream {

    private final ExchangeCoreMix mix;

    /**
     * @param seed random seed
     * @param commands flow commands after the setup, &gt; 0
     */
    public ExchangeCoreStream(long seed, int commands) {
        mix = ExchangeCoreMix.generate(seed, commands);
    }

    @Override
    public int size() {
        return mix.size();
    }

    @Override
    public int definitions() {
        return mix.definitions();
    }

    @Override
    public int setupSize() {
        return mix.setupSize();
    }

    @Override
    public void fill(int i, Command slot) {
        mix.fill(i, slot);
        slot.seq = 0;
        slot.timestamp = 0;
    }

    @Override
    public String describe() {
        return "exchange-core " + mix.describe();
    }
}
