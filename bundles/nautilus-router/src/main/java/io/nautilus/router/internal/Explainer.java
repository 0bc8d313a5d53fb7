package io.nautilus.router.internal;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.router.api.AllocationStep;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.CostBreakdown;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.RouteExplanation;
import io.nautilus.router.api.VenueAnalysis;
import io.nautilus.router.api.VenueScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link DecisionRecord} into a {@link RouteExplanation}: the structured form and its text lines. Off the
 * routing path: it runs when an explanation is asked for.
 */
final class Explainer {

    private Explainer() {
    }

    static RouteExplanation explain(DecisionRecord r) {
        ParentOrder p = r.parent;
        MarketState m = r.market;
        int ps = m.instrument().priceScale();
        int qs = m.instrument().quantityScale();
        String currency = m.instrument().currency();
        int n = m.venueCount();
        Side bookSide = p.style() == ExecutionStyle.MARKETABLE ? p.side().opposite() : p.side();

        List<VenueAnalysis> venues = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            venues.add(new VenueAnalysis(m.venue(v), r.excluded[v], r.fees[v], r.scores[v], m.averageDailyVolume(v),
                    r.displayed[v], r.allocated[v], r.costs[v], note(r, v, qs)));
        }
        List<AllocationStep> steps = new ArrayList<>(r.steps);
        for (int k = 0; k < r.steps; k++) {
            int ru = r.stepRunnerUp[k];
            steps.add(new AllocationStep(k + 1, m.venue(r.stepVenue[k]), r.stepLevel[k], r.stepPrice[k],
                    r.stepQuantity[k], r.stepCost[k], r.stepFee[k], r.stepSlippage[k], r.stepImpact[k],
                    ru < 0 ? null : m.venue(ru), r.stepRunnerUpCost[k]));
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "parent %d: %s %s %s, limit %s, %s, remainder %s", p.parentOrderId(),
                p.side(), q(p.quantity(), qs), p.instrument(), p.hasLimit() ? px(p.limitPrice(), ps) : "none (market)",
                p.style(), p.remainder()));
        lines.add(String.format(Locale.ROOT, "decided at %s; arrival %s (%s); %s, price scale %d, quantity scale %d,"
                        + " lot %s, min child %s, volatility %s bps", Instant.ofEpochSecond(0, r.timeNanos),
                r.arrivalPrice == FixedPoint.NULL ? "none" : px(r.arrivalPrice, ps), r.arrivalSource, currency, ps, qs,
                q(r.lotSize, qs), q(r.minChild, qs), num(m.volatilityBps())));
        lines.add("settings: " + r.settings.describe());
        lines.add("venues (" + (p.style() == ExecutionStyle.MARKETABLE ? "taking " : "resting on ") + bookSide
                + (bookSide == Side.BUY ? " bids" : " offers") + "):");
        for (int v = 0; v < n; v++) {
            VenueAnalysis a = venues.get(v);
            StringBuilder b = new StringBuilder("  ").append(a.venue());
            if (a.fees() != null) {
                b.append("  fees ").append(a.fees().describe());
            }
            if (a.excluded() != null) {
                b.append("  EXCLUDED: ").append(a.excluded());
                lines.add(b.toString());
                continue;
            }
            VenueScore s = a.score();
            b.append(String.format(Locale.ROOT, "  state %s  score %.4f = fill %.4f, slippage %.4f, latency %.4f"
                            + " (fill rate %.4f, %s slippage %+.2f bps, ack %.1f us; sample weights %.3f/%.3f/%.3f)",
                    s.state() == null ? "unreported" : s.state(), s.combined(), s.fillScore(), s.slippageScore(),
                    s.latencyScore(), s.fillRate(), p.side(),
                    p.side() == Side.BUY ? s.buySlippageBps() : s.sellSlippageBps(), s.ackLatencyMicros(),
                    s.fillWeight(), s.slippageWeight(), s.latencyWeight()));
            lines.add(b.toString());
            StringBuilder book = new StringBuilder("    book ").append(bookSide == Side.BUY ? "bids" : "offers")
                    .append(':');
            int levels = m.levelCount(v, bookSide);
            for (int l = 0; l < levels; l++) {
                book.append(' ').append(q(m.size(v, bookSide, l), qs)).append('@').append(px(m.price(v, bookSide, l),
                        ps));
            }
            if (levels == 0) {
                book.append(" none");
            }
            book.append("; within limit ").append(q(a.displayedWithinLimit(), qs)).append("; ADV ")
                    .append(a.averageDailyVolume() > 0 ? q(a.averageDailyVolume(), qs) : "unknown (no impact)");
            lines.add(book.toString());
            lines.add("    allocated " + q(a.allocated(), qs) + cost(a.cost(), ps, currency)
                    + (a.note().isEmpty() ? "" : "; " + a.note()));
        }
        lines.add("steps (greedy, lowest all-in " + currency + " per unit = " + (p.side() == Side.BUY ? "" : "-")
                + "price + fee + slippage + marginal impact):");
        if (steps.isEmpty()) {
            lines.add("  none");
        }
        for (AllocationStep s : steps) {
            lines.add(String.format(Locale.ROOT, "  %d. %s L%d %s x %s: %.6f = %s%s %+.6f %+.6f %+.6f%s", s.step(),
                    s.venue(), s.level(), px(s.price(), ps), q(s.quantity(), qs), s.costPerUnit(),
                    p.side() == Side.BUY ? "" : "-", px(s.price(), ps), s.feePerUnit(), s.slippagePerUnit(),
                    s.impactPerUnit(), s.runnerUp() == null ? "; no other candidate"
                            : String.format(Locale.ROOT, "; next best %s %.6f", s.runnerUp(), s.runnerUpCost())));
        }
        lines.add("children:");
        if (r.decision.children().isEmpty()) {
            lines.add("  none");
        }
        for (ChildOrder c : r.decision.children()) {
            lines.add(String.format(Locale.ROOT, "  #%d %s %s %s @ %s %s%s, %d level(s)%s", c.childOrderId(),
                    c.venue(), c.side(), q(c.quantity(), qs), px(c.limitPrice(), ps), c.style(),
                    c.remainder() ? " (remainder)" : "", c.levels(), cost(c.expectedCost(), ps, currency)));
        }
        lines.add("result: allocated " + q(r.decision.allocatedQuantity(), qs) + ", unallocated "
                + q(r.decision.unallocatedQuantity(), qs) + "; " + r.decision.summary());
        return new RouteExplanation(p, r.timeNanos, currency, ps, qs, r.lotSize, r.minChild, r.arrivalPrice,
                m.volatilityBps(), r.settings.describe(), venues, steps, r.decision, lines);
    }

    private static String note(DecisionRecord r, int v, int qs) {
        return switch (r.noteCode[v]) {
            case DecisionRecord.NOTE_NO_LIQUIDITY -> "no displayed quantity within the limit";
            case DecisionRecord.NOTE_MAX_CHILDREN -> "skipped: max.child.orders " + r.settings.maxChildren()
                    + " reached";
            case DecisionRecord.NOTE_DROPPED_MIN_CHILD -> "dropped: " + q(r.noteValue[v], qs)
                    + " is below the minimum child quantity " + q(r.minChild, qs);
            case DecisionRecord.NOTE_REMAINDER -> "holds the passive remainder " + q(r.noteValue[v], qs)
                    + " (best combined score)";
            case DecisionRecord.NOTE_UNUSED -> "not needed: cheaper venues covered the quantity";
            default -> "";
        };
    }

    private static String cost(CostBreakdown c, int ps, String currency) {
        if (c.notional() == 0 && c.total() == 0) {
            return "";
        }
        return "; expected cost " + px(c.total(), ps) + " " + currency + " = fees " + px(c.fees(), ps)
                + " + slippage " + px(c.slippage(), ps) + " + impact " + px(c.impact(), ps) + " on notional "
                + px(c.notional(), ps);
    }

    private static String q(long v, int scale) {
        return FixedPoint.format(v, scale);
    }

    private static String px(long v, int scale) {
        return FixedPoint.format(v, scale);
    }

    private static String num(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
