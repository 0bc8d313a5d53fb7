package io.nautilus.core.position;

import io.nautilus.api.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionPropertiesTest {

    private static final int ACCOUNTS = 4;
    private static final int[] PRICE_SCALE = {2, 4};
    private static final int[] QUANTITY_SCALE = {0, 3};
    private static final long[] MAKER_BPS = {-1, 2};
    private static final long[] TAKER_BPS = {4, 7};
    private static final long[] PER_UNIT = {0, 13};

    record Fill(int instrument, int taker, int maker, Side side, long price, long qty) {
    }

    @Provide
    Arbitrary<List<Fill>> fills() {
        Arbitrary<Fill> fill = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.of(Side.BUY, Side.SELL),
                Arbitraries.longs().between(1, 10_000_000),
                Arbitraries.longs().between(1, 100_000)).as(Fill::new);
        return fill.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void positionsEqualTheFillsAndPnlIsTheCashIdentity(@ForAll("fills") List<Fill> fills,
                                                        @ForAll @LongRange(min = 1, max = 10_000_000) long mark) {
        PositionKeeper keeper = new PositionKeeper(4);
        for (int i = 0; i < 2; i++) {
            keeper.defineInstrument(i, PRICE_SCALE[i], QUANTITY_SCALE[i], MAKER_BPS[i], TAKER_BPS[i], PER_UNIT[i]);
        }
        long[][] quantity = new long[ACCOUNTS][2];
        BigInteger[][] cash = new BigInteger[ACCOUNTS][2];
        long[][] fees = new long[ACCOUNTS][2];
        for (BigInteger[] row : cash) {
            java.util.Arrays.fill(row, BigInteger.ZERO);
        }
        long id = 0;
        for (Fill f : fills) {
            PositionKeeperTest.trade(keeper, ++id, f.instrument(), f.taker(), f.side(), f.maker(), f.price(), f.qty());
            int sign = f.side().sign();
            int i = f.instrument();
            quantity[f.taker()][i] += sign * f.qty();
            quantity[f.maker()][i] -= sign * f.qty();
            BigInteger flow = BigInteger.valueOf(f.price()).multiply(BigInteger.valueOf(f.qty()));
            cash[f.taker()][i] = cash[f.taker()][i].subtract(flow.multiply(BigInteger.valueOf(sign)));
            cash[f.maker()][i] = cash[f.maker()][i].add(flow.multiply(BigInteger.valueOf(sign)));
            fees[f.taker()][i] += expectedFee(i, f.price(), f.qty(), TAKER_BPS[i]);
            fees[f.maker()][i] += expectedFee(i, f.price(), f.qty(), MAKER_BPS[i]);
        }
        keeper.mark(0, mark);
        keeper.mark(1, mark);

        for (int i = 0; i < 2; i++) {
            BigInteger zeroSum = BigInteger.ZERO;
            for (int a = 0; a < ACCOUNTS; a++) {
                PositionView v = keeper.view(a, i);
                if (v == null) {
                    assertThat(quantity[a][i]).isZero();
                    assertThat(fees[a][i]).isZero();
                    continue;
                }
                assertThat(v.quantity()).as("quantity of %d in %d", a, i).isEqualTo(quantity[a][i]);
                BigInteger markToMarket = BigInteger.valueOf(quantity[a][i]).multiply(BigInteger.valueOf(mark))
                        .add(cash[a][i]);
                BigInteger pnl = BigInteger.valueOf(v.realisedExact()).add(BigInteger.valueOf(v.unrealisedExact()));
                assertThat(pnl).as("realised + unrealised of %d in %d", a, i).isEqualTo(markToMarket);
                assertThat(v.fees()).as("fees of %d in %d", a, i).isEqualTo(fees[a][i]);
                if (v.quantity() == 0) {
                    assertThat(v.costBasis()).isZero();
                    assertThat(v.unrealisedExact()).isZero();
                } else {
                    assertThat(Long.signum(v.costBasis())).isEqualTo(Long.signum(v.quantity()));
                }
                zeroSum = zeroSum.add(pnl);
            }
            assertThat(zeroSum).as("P&L of instrument %d sums to zero between accounts", i).isZero();
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            AccountTotals totals = keeper.totals(a);
            assertThat(keeper.netPnl(a)).isEqualTo(totals.net());
        }
    }

    private static long expectedFee(int instrument, long price, long qty, long bps) {
        BigDecimal notional = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(qty));
        BigDecimal rate = notional.multiply(BigDecimal.valueOf(bps))
                .movePointLeft(QUANTITY_SCALE[instrument] + 4).setScale(0, RoundingMode.CEILING);
        BigDecimal unit = BigDecimal.valueOf(PER_UNIT[instrument]).multiply(BigDecimal.valueOf(qty))
                .movePointLeft(QUANTITY_SCALE[instrument]).setScale(0, RoundingMode.CEILING);
        return rate.add(unit).longValueExact();
    }

    @Property(tries = 500)
    void mulDivMatchesBigIntegerForEveryRoundingMode(@ForAll @LongRange(min = -Long.MAX_VALUE) long a,
                                                     @ForAll @LongRange(min = -1_000_000_000_000L,
                                                             max = 1_000_000_000_000L) long b,
                                                     @ForAll @LongRange(min = 1) long c) {
        BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        for (RoundingMode mode : new RoundingMode[]{RoundingMode.DOWN, RoundingMode.UP, RoundingMode.CEILING,
                RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN}) {
            BigInteger expected = new BigDecimal(exact).divide(BigDecimal.valueOf(c), 0, mode).toBigInteger();
            if (expected.abs().bitLength() > 63) {
                assertThatThrownBy(() -> WideMath.mulDiv(a, b, c, mode)).isInstanceOf(ArithmeticException.class);
                continue;
            }
            assertThat(WideMath.mulDiv(a, b, c, mode)).as("%d * %d / %d %s", a, b, c, mode)
                    .isEqualTo(expected.longValueExact());
        }
    }
}
