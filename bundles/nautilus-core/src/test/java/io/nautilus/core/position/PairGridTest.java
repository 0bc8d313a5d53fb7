package io.nautilus.core.position;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dense (account, instrument) layout: growth by doubling, cells kept across growth, limits named. */
class PairGridTest {

    @Test
    void growingDoublesTheShortDimensionAndKeepsEveryCell() {
        PairGrid small = PairGrid.EMPTY.grownFor(2, 2);
        assertThat(small.rows()).isEqualTo(4);
        assertThat(small.columns()).isEqualTo(4);
        long[] cells = new long[small.cells()];
        for (int a = 0; a < small.rows(); a++) {
            for (int i = 0; i < small.columns(); i++) {
                cells[small.index(a, i)] = a * 100L + i;
            }
        }
        PairGrid wider = small.grownFor(1, 4);
        assertThat(wider.rows()).isEqualTo(4);
        assertThat(wider.columns()).isEqualTo(8);
        PairGrid larger = wider.grownFor(4, 0);
        assertThat(larger.rows()).isEqualTo(8);
        assertThat(larger.columns()).isEqualTo(8);
        long[] moved = larger.copy(wider.copy(cells, small), wider);
        for (int a = 0; a < larger.rows(); a++) {
            for (int i = 0; i < larger.columns(); i++) {
                long expected = a < 4 && i < 4 ? a * 100L + i : 0;
                assertThat(moved[larger.index(a, i)]).as("cell %d/%d", a, i).isEqualTo(expected);
                assertThat(larger.account(larger.index(a, i))).isEqualTo(a);
                assertThat(larger.instrument(larger.index(a, i))).isEqualTo(i);
            }
        }
        assertThat(larger.grownFor(7, 7)).isSameAs(larger);
    }

    @Test
    void aGridHoldsOnlyItsCells() {
        PairGrid grid = PairGrid.EMPTY.grownFor(0, 0);
        assertThat(grid.holds(0, 0)).isTrue();
        assertThat(grid.holds(-1, 0)).isFalse();
        assertThat(grid.holds(0, -1)).isFalse();
        assertThat(grid.holds(grid.rows(), 0)).isFalse();
        assertThat(grid.holds(0, grid.columns())).isFalse();
        assertThat(PairGrid.EMPTY.holds(0, 0)).isFalse();
    }

    @Test
    void pairsBeyondTheLimitsAreRefusedWithTheirIds() {
        assertThat(PairGrid.problem(PairGrid.MAX_ACCOUNTS - 1, 0)).isNull();
        assertThat(PairGrid.problem(PairGrid.MAX_ACCOUNTS, 0)).contains("account id " + PairGrid.MAX_ACCOUNTS);
        assertThat(PairGrid.problem(0, PositionKeeper.MAX_INSTRUMENTS)).contains("instrument id");
        assertThat(PairGrid.problem(-1, 0)).contains("account id -1");
        assertThat(PairGrid.problem(16_383, 1_023)).isNull();
        assertThat(PairGrid.problem(16_384, 1_023)).contains("16385 accounts x 1024 instruments exceed");
        assertThatThrownBy(() -> PairGrid.EMPTY.grownFor(16_384, 1_023))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
    }
}
