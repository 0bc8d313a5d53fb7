package io.nautilus.router.internal;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.CostBreakdown;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.ImpactModel;
import io.nautilus.router.api.MarketState;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.RoutingDecision;
import io.nautilus.router.api.VenueFeeSchedule;
import io.nautilus.router.api.VenueScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The allocation algorithm: splits a parent across the venues of a market state, greedily by lowest all-in cost
 * per unit, and computes each child's expected cost. One instance per router, used under its lock; its scratch
 * arrays are sized once (and grown if a market state has more venues or levels).
 *
 * <h2>Cost model</h2>
 * Money amounts are at the instrument's price scale ({@code ps}), quantities at its quantity scale ({@code qs});
 * {@code q} below is a raw quantity, {@code q / 10^qs} the quantity in units.
 * <ul>
 *   <li>fee, per unit: {@code rate × q × 10^(ps - 9 - qs)}, rate at {@link VenueFeeSchedule#RATE_SCALE} (9);
 *       fee, bps: {@code Σ(price × q) × rate / 10^(qs + 4 + 9)}; taker rate for marketable, maker for passive;
 *       exact integers rounded half even once;</li>
 *   <li>slippage: {@code slippageBps(venue, side) / 10^4 × arrival × q / 10^qs}, the venue's decayed, prior-blended
 *       slippage estimate;</li>
 *   <li>impact: {@code impactBps / 10^4 × arrival × q / 10^qs} with {@code impactBps = coefficient × σ_bps ×
 *       (q / ADV_venue)^e}, {@code e} = 1 (linear) or 1/2 (sqrt); 0 when the ADV is unknown (0 or less);</li>
 * </ul>
 * slippage and impact are doubles rounded half even to the price scale.
 *
 * <h2>Splitting</h2>
 * Marketable: the candidates are each eligible venue's next displayed level on the opposite side within the limit;
 * each round takes the candidate with the lowest all-in cost per unit, {@code sign × price + fee/unit +
 * slippage/unit + (impact(Q + x) - impact(Q)) / x} (sign +1 buy, -1 sell; Q what the venue already has, x the
 * lot-rounded quantity the level can give), ties to the higher combined score, then to the earlier venue in the
 * market state. One child per venue, priced at the worst level it takes. Passive: one candidate per venue, resting
 * at the parent's limit (or the venue's best price on the parent's side without one), for at most the displayed
 * size at that venue's best price on the parent's side. Then: children below the minimum child quantity are
 * dropped; no new venue beyond the maximum number of children; the remainder rests at the best-scored venue or is
 * left unallocated, per the parent's policy.
 */
final class Splitter {

    private static final String[] STATE_EXCLUSION = new String[ConnectionState.values().length];

    static {
        for (ConnectionState s : ConnectionState.values()) {
            STATE_EXCLUSION[s.ordinal()] = "connection " + s;
        }
    }

    static final String NOT_REGISTERED = "not in the venue registry";
    static final String DISABLED = "disabled";

    private int capVenues;
    private int capSteps;
    private double[] comp;
    private boolean[] eligible;
    private int[] cursor;
    private long[] usedInLevel;
    private long[] alloc;
    private long[] worstPrice;
    private int[] levelsTaken;
    private int[] firstStep;
    private long[] passivePrice;
    private long[] passiveSize;
    private Wide[] notional;
    private final Wide scratchWide = new Wide();

    private int[] sVenue;
    private int[] sLevel;
    private long[] sPrice;
    private long[] sQty;
    private double[] sCost;
    private double[] sFee;
    private double[] sSlip;
    private double[] sImpact;
    private int[] sRunner;
    private double[] sRunnerCost;

    // per call
    private ParentOrder parent;
    private MarketState market;
    private RouterSettings settings;
    private VenueFeeSchedule[] fees;
    private Side bookSide;
    private ExecutionStyle style;
    private int priceScale;
    private int quantityScale;
    private double unitsPerRaw;
    private double reference;
    private double lastFee;
    private double lastSlip;
    private double lastImpact;

    Splitter() {
        ensure(8, 8);
    }

    private void ensure(int venues, int levels) {
        int steps = venues * levels + 2;
        if (venues <= capVenues && steps <= capSteps) {
            return;
        }
        capVenues = Math.max(venues, capVenues);
        capSteps = Math.max(steps, capSteps);
        int v = capVenues;
        comp = new double[v * VenueStats.COMPONENTS];
        eligible = new boolean[v];
        cursor = new int[v];
        usedInLevel = new long[v];
        alloc = new long[v];
        worstPrice = new long[v];
        levelsTaken = new int[v];
        firstStep = new int[v];
        passivePrice = new long[v];
        passiveSize = new long[v];
        notional = new Wide[v];
        for (int i = 0; i < v; i++) {
            notional[i] = new Wide();
        }
        int s = capSteps;
        sVenue = new int[s];
        sLevel = new int[s];
        sPrice = new long[s];
        sQty = new long[s];
        sCost = new double[s];
        sFee = new double[s];
        sSlip = new double[s];
        sImpact = new double[s];
        sRunner = new int[s];
        sRunnerCost = new double[s];
    }

    /**
     * Splits a parent.
     *
     * @param p        the parent
     * @param m        the market state
     * @param s        the settings
     * @param registry the venues by id
     * @param now      the decision time, nanoseconds since the epoch
     * @param minChild the minimum child quantity at the instrument's quantity scale (a lot multiple, at least the
     *                 instrument's minimum)
     * @param ids      gives child order ids
     * @return the decision with its record
     */
    DecisionRecord split(ParentOrder p, MarketState m, RouterSettings s, Map<VenueId, VenueStats> registry, long now,
                         long minChild, ChildIds ids) {
        int n = m.venueCount();
        ensure(n, m.maxLevels());
        parent = p;
        market = m;
        settings = s;
        style = p.style();
        bookSide = style == ExecutionStyle.MARKETABLE ? p.side().opposite() : p.side();
        Instrument instrument = m.instrument();
        priceScale = instrument.priceScale();
        quantityScale = instrument.quantityScale();
        unitsPerRaw = 1.0 / FixedPoint.pow10(quantityScale);
        long lot = instrument.lotSize();

        DecisionRecord r = new DecisionRecord();
        r.parent = p;
        r.market = m.copy();
        r.settings = s;
        r.timeNanos = now;
        r.lotSize = lot;
        r.minChild = minChild;
        r.target = p.quantity() - p.quantity() % lot;
        fees = new VenueFeeSchedule[n];
        r.fees = fees;
        r.excluded = new String[n];
        r.scores = new VenueScore[n];
        r.displayed = new long[n];
        r.noteCode = new int[n];
        r.noteValue = new long[n];
        arrival(r);
        reference = r.arrivalPrice;

        for (int v = 0; v < n; v++) {
            VenueStats vs = registry.get(m.venue(v));
            fees[v] = vs == null ? null : vs.fees;
            String why = vs == null || vs.fees == null ? NOT_REGISTERED : !vs.fees.enabled() ? DISABLED
                    : vs.state != null && !vs.state.isUsable() ? STATE_EXCLUSION[vs.state.ordinal()] : null;
            r.excluded[v] = why;
            eligible[v] = why == null;
            cursor[v] = 0;
            usedInLevel[v] = 0;
            alloc[v] = 0;
            worstPrice[v] = FixedPoint.NULL;
            levelsTaken[v] = 0;
            firstStep[v] = -1;
            notional[v].clear();
            if (style == ExecutionStyle.PASSIVE) {
                int count = m.levelCount(v, bookSide);
                passivePrice[v] = p.hasLimit() ? p.limitPrice() : count > 0 ? m.price(v, bookSide, 0) : FixedPoint.NULL;
                passiveSize[v] = count > 0 ? m.size(v, bookSide, 0) : 0;
            }
            if (vs != null && why == null) {
                vs.score(now, s, p.side(), rowBuffer);
                System.arraycopy(rowBuffer, 0, comp, v * VenueStats.COMPONENTS, VenueStats.COMPONENTS);
                r.scores[v] = vs.toScore(rowBuffer);
            }
            r.displayed[v] = displayedWithinLimit(v);
        }

        long remaining = greedy(r, n, lot);
        int children = 0;
        for (int v = 0; v < n; v++) {
            if (alloc[v] > 0) {
                if (alloc[v] < minChild) {
                    r.noteCode[v] = DecisionRecord.NOTE_DROPPED_MIN_CHILD;
                    r.noteValue[v] = alloc[v];
                    remaining += alloc[v];
                    alloc[v] = 0;
                    notional[v].clear();
                    levelsTaken[v] = 0;
                } else {
                    children++;
                }
            } else if (eligible[v] && r.noteCode[v] == DecisionRecord.NOTE_NONE) {
                r.noteCode[v] = r.displayed[v] == 0 ? DecisionRecord.NOTE_NO_LIQUIDITY : DecisionRecord.NOTE_UNUSED;
            }
        }

        List<ChildOrder> list = new ArrayList<>(children + 1);
        r.allocated = new long[n];
        r.costs = new CostBreakdown[n];
        int remainderVenue = -1;
        long remainderQty = 0;
        long remainderPrice = FixedPoint.NULL;
        if (remaining > 0 && p.remainder() == RemainderPolicy.PASSIVE_AT_BEST_VENUE) {
            int best = -1;
            for (int v = 0; v < n; v++) {
                if (eligible[v] && (best < 0 || combined(v) > combined(best))) {
                    best = v;
                }
            }
            if (best < 0) {
                r.remainderNote = "remainder " + fmtQty(remaining) + " left unallocated: no eligible venue";
            } else {
                long price = p.hasLimit() ? p.limitPrice() : m.bestPrice(best, p.side());
                boolean merge = style == ExecutionStyle.PASSIVE && alloc[best] > 0;
                if (price == FixedPoint.NULL) {
                    r.remainderNote = "remainder " + fmtQty(remaining) + " left unallocated: no limit price and "
                            + m.venue(best) + " shows no " + p.side() + " price to rest at";
                } else if (!merge && remaining < minChild) {
                    r.remainderNote = "remainder " + fmtQty(remaining) + " left unallocated: below the minimum child"
                            + " quantity " + fmtQty(minChild);
                } else if (!merge && children >= s.maxChildren()) {
                    r.remainderNote = "remainder " + fmtQty(remaining) + " left unallocated: already "
                            + s.maxChildren() + " children (max.child.orders)";
                } else {
                    remainderVenue = best;
                    remainderQty = remaining;
                    remainderPrice = price;
                    remaining = 0;
                    r.noteCode[best] = DecisionRecord.NOTE_REMAINDER;
                    r.noteValue[best] = remainderQty;
                    r.remainderNote = "remainder " + fmtQty(remainderQty) + " rests passive at " + m.venue(best)
                            + " @ " + fmtPrice(price) + ": best combined score "
                            + String.format(java.util.Locale.ROOT, "%.4f", combined(best))
                            + (merge ? " (added to its passive child)" : "");
                    if (merge) {
                        alloc[best] += remainderQty;
                        notional[best].addProduct(price, remainderQty);
                        remainderVenue = -1;
                    }
                }
            }
        } else if (remaining > 0) {
            r.remainderNote = "remainder " + fmtQty(remaining) + " left unallocated (remainder policy UNALLOCATED)";
        }

        // children in the order their venue was first chosen
        long allocated = 0;
        for (int k = 0; k < n; k++) {
            int next = -1;
            for (int v = 0; v < n; v++) {
                if (alloc[v] > 0 && r.allocated[v] == 0
                        && (next < 0 || firstStep[v] < firstStep[next])) {
                    next = v;
                }
            }
            if (next < 0) {
                break;
            }
            long price = style == ExecutionStyle.PASSIVE ? passivePrice[next] : worstPrice[next];
            CostBreakdown cost = cost(next, style, notional[next], alloc[next]);
            r.allocated[next] = alloc[next];
            r.costs[next] = cost;
            allocated += alloc[next];
            list.add(new ChildOrder(ids.next(), p.parentOrderId(), m.venue(next), p.side(), alloc[next], price, style,
                    false, Math.max(1, levelsTaken[next]), cost));
        }
        if (remainderVenue >= 0) {
            scratchWide.clear();
            scratchWide.addProduct(remainderPrice, remainderQty);
            CostBreakdown cost = cost(remainderVenue, ExecutionStyle.PASSIVE, scratchWide, remainderQty);
            r.allocated[remainderVenue] += remainderQty;
            CostBreakdown before = r.costs[remainderVenue];
            r.costs[remainderVenue] = before == null ? cost : new CostBreakdown(before.notional() + cost.notional(),
                    before.fees() + cost.fees(), before.slippage() + cost.slippage(), before.impact() + cost.impact());
            allocated += remainderQty;
            list.add(new ChildOrder(ids.next(), p.parentOrderId(), m.venue(remainderVenue), p.side(), remainderQty,
                    remainderPrice, ExecutionStyle.PASSIVE, true, 1, cost));
        }
        for (int v = 0; v < n; v++) {
            if (r.costs[v] == null) {
                r.costs[v] = CostBreakdown.ZERO;
            }
        }
        r.steps = copySteps(r, stepCount);
        r.decision = new RoutingDecision(p.parentOrderId(), now, r.arrivalPrice, list, allocated,
                p.quantity() - allocated, summary(r, list.size(), allocated));
        parent = null;
        market = null;
        return r;
    }

    private int stepCount;

    private final double[] rowBuffer = new double[VenueStats.COMPONENTS];

    private double combined(int v) {
        return comp[v * VenueStats.COMPONENTS + VenueStats.COMBINED];
    }

    private double sideSlippage(int v) {
        return comp[v * VenueStats.COMPONENTS + VenueStats.SIDE_SLIPPAGE];
    }

    private void arrival(DecisionRecord r) {
        ParentOrder p = parent;
        if (p.arrivalPrice() != FixedPoint.NULL) {
            r.arrivalPrice = p.arrivalPrice();
            r.arrivalSource = "given";
            return;
        }
        long bid = market.consolidatedBest(Side.BUY);
        long ask = market.consolidatedBest(Side.SELL);
        if (bid != FixedPoint.NULL && ask != FixedPoint.NULL) {
            r.arrivalPrice = FixedPoint.divide(bid + ask, 2, java.math.RoundingMode.HALF_EVEN);
            r.arrivalSource = "consolidated mid";
        } else if (bid != FixedPoint.NULL || ask != FixedPoint.NULL) {
            r.arrivalPrice = bid != FixedPoint.NULL ? bid : ask;
            r.arrivalSource = bid != FixedPoint.NULL ? "best bid (no offers)" : "best offer (no bids)";
        } else if (p.hasLimit()) {
            r.arrivalPrice = p.limitPrice();
            r.arrivalSource = "limit (no prices)";
        } else {
            r.arrivalPrice = FixedPoint.NULL;
            r.arrivalSource = "none (no prices, no limit)";
        }
    }

    private int levelCount(int v) {
        if (style == ExecutionStyle.PASSIVE) {
            return passivePrice[v] != FixedPoint.NULL && passiveSize[v] > 0 ? 1 : 0;
        }
        return market.levelCount(v, bookSide);
    }

    private long price(int v, int level) {
        return style == ExecutionStyle.PASSIVE ? passivePrice[v] : market.price(v, bookSide, level);
    }

    private long size(int v, int level) {
        return style == ExecutionStyle.PASSIVE ? passiveSize[v] : market.size(v, bookSide, level);
    }

    private long displayedWithinLimit(int v) {
        int count = levelCount(v);
        long sum = 0;
        for (int l = 0; l < count; l++) {
            if (!parent.withinLimit(price(v, l))) {
                break;
            }
            sum += size(v, l);
        }
        return sum;
    }

    private long greedy(DecisionRecord r, int n, long lot) {
        long remaining = r.target;
        int children = 0;
        int maxChildren = settings.maxChildren();
        stepCount = 0;
        while (remaining > 0) {
            int best = -1;
            int second = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            double secondCost = Double.POSITIVE_INFINITY;
            long bestChunk = 0;
            for (int v = 0; v < n; v++) {
                if (!eligible[v]) {
                    continue;
                }
                long chunk = 0;
                int count = levelCount(v);
                while (cursor[v] < count) {
                    long px = price(v, cursor[v]);
                    if (!parent.withinLimit(px)) {
                        cursor[v] = count;
                        break;
                    }
                    chunk = Math.min(size(v, cursor[v]) - usedInLevel[v], remaining);
                    chunk -= chunk % lot;
                    if (chunk > 0) {
                        break;
                    }
                    cursor[v]++;
                    usedInLevel[v] = 0;
                }
                if (chunk <= 0) {
                    continue;
                }
                if (alloc[v] == 0 && children >= maxChildren) {
                    r.noteCode[v] = DecisionRecord.NOTE_MAX_CHILDREN;
                    continue;
                }
                double cost = unitCost(v, price(v, cursor[v]), chunk);
                if (cost < bestCost || (best >= 0 && cost == bestCost && combined(v) > combined(best))) {
                    second = best;
                    secondCost = bestCost;
                    best = v;
                    bestCost = cost;
                    bestChunk = chunk;
                } else if (cost < secondCost) {
                    second = v;
                    secondCost = cost;
                }
            }
            if (best < 0) {
                break;
            }
            int level = cursor[best];
            long px = price(best, level);
            unitCost(best, px, bestChunk); // sets the components of the chosen candidate
            if (alloc[best] == 0) {
                children++;
                firstStep[best] = stepCount;
                if (r.noteCode[best] == DecisionRecord.NOTE_MAX_CHILDREN) {
                    r.noteCode[best] = DecisionRecord.NOTE_NONE;
                }
            }
            if (usedInLevel[best] == 0) {
                levelsTaken[best]++;
            }
            alloc[best] += bestChunk;
            notional[best].addProduct(px, bestChunk);
            worstPrice[best] = px;
            usedInLevel[best] += bestChunk;
            remaining -= bestChunk;
            double toCurrency = 1.0 / FixedPoint.pow10(priceScale);
            int k = stepCount++;
            sVenue[k] = best;
            sLevel[k] = level;
            sPrice[k] = px;
            sQty[k] = bestChunk;
            sCost[k] = bestCost * toCurrency;
            sFee[k] = lastFee * toCurrency;
            sSlip[k] = lastSlip * toCurrency;
            sImpact[k] = lastImpact * toCurrency;
            sRunner[k] = second;
            sRunnerCost[k] = second < 0 ? Double.NaN : secondCost * toCurrency;
            if (size(best, level) - usedInLevel[best] < lot) {
                cursor[best]++;
                usedInLevel[best] = 0;
            }
        }
        return remaining;
    }

    /** All-in cost per unit of quantity in raw price units; sets lastFee, lastSlip, lastImpact. */
    private double unitCost(int v, long price, long chunk) {
        double ref = reference == FixedPoint.NULL ? price : reference;
        lastFee = feePerUnit(fees[v], style, price);
        lastSlip = sideSlippage(v) / 1e4 * ref;
        double units = chunk * unitsPerRaw;
        lastImpact = (impact(v, alloc[v] + chunk, ref) - impact(v, alloc[v], ref)) / units;
        return parent.side().sign() * (double) price + lastFee + lastSlip + lastImpact;
    }

    private double feePerUnit(VenueFeeSchedule f, ExecutionStyle st, long price) {
        long rate = f.rate(st);
        if (f.model() == FeeModel.PER_UNIT) {
            return rate * Math.pow(10, priceScale - VenueFeeSchedule.RATE_SCALE);
        }
        return price * (double) rate / 1e13;
    }

    /** Impact of a quantity at a venue, in raw price units (money at the price scale). */
    private double impact(int v, long q, double ref) {
        if (q <= 0) {
            return 0;
        }
        long adv = market.averageDailyVolume(v);
        double sigma = market.volatilityBps();
        if (adv <= 0 || sigma == 0 || settings.impactCoefficient() == 0) {
            return 0;
        }
        double part = (double) q / adv;
        double bps = settings.impactCoefficient() * sigma
                * (settings.impactModel() == ImpactModel.LINEAR ? part : Math.sqrt(part));
        return bps / 1e4 * ref * (q * unitsPerRaw);
    }

    private CostBreakdown cost(int v, ExecutionStyle st, Wide pxq, long q) {
        VenueFeeSchedule f = fees[v];
        long notionalValue = pxq.timesPow10(1, -quantityScale);
        long fee = f.model() == FeeModel.PER_UNIT
                ? Wide.mulPow10(f.rate(st), q, priceScale - VenueFeeSchedule.RATE_SCALE - quantityScale)
                : pxq.timesPow10(f.rate(st), -(quantityScale + 4 + VenueFeeSchedule.RATE_SCALE));
        double ref = reference == FixedPoint.NULL ? pxq.divideHalfEven(q) : reference;
        long slip = (long) Math.rint(sideSlippage(v) / 1e4 * ref * (q * unitsPerRaw));
        long imp = (long) Math.rint(impact(v, q, ref));
        return new CostBreakdown(notionalValue, fee, slip, imp);
    }

    private int copySteps(DecisionRecord r, int k) {
        r.stepVenue = Arrays.copyOf(sVenue, k);
        r.stepLevel = Arrays.copyOf(sLevel, k);
        r.stepPrice = Arrays.copyOf(sPrice, k);
        r.stepQuantity = Arrays.copyOf(sQty, k);
        r.stepCost = Arrays.copyOf(sCost, k);
        r.stepFee = Arrays.copyOf(sFee, k);
        r.stepSlippage = Arrays.copyOf(sSlip, k);
        r.stepImpact = Arrays.copyOf(sImpact, k);
        r.stepRunnerUp = Arrays.copyOf(sRunner, k);
        r.stepRunnerUpCost = Arrays.copyOf(sRunnerCost, k);
        return k;
    }

    private String summary(DecisionRecord r, int children, long allocated) {
        StringBuilder b = new StringBuilder(128);
        b.append(children).append(children == 1 ? " child" : " children").append(", allocated ")
                .append(fmtQty(allocated)).append(" of ").append(fmtQty(parent.quantity()));
        if (r.steps > 0) {
            b.append(style == ExecutionStyle.MARKETABLE ? "; displayed liquidity taken" : "; rested")
                    .append(" by lowest all-in cost per unit");
        } else {
            b.append(style == ExecutionStyle.MARKETABLE ? "; no displayed liquidity within the limit"
                    : "; no venue shows a price to rest at");
        }
        if (r.target != parent.quantity()) {
            b.append("; odd lot ").append(fmtQty(parent.quantity() - r.target)).append(" unallocated");
        }
        if (r.remainderNote != null) {
            b.append("; ").append(r.remainderNote);
        }
        return b.toString();
    }

    private String fmtQty(long q) {
        return FixedPoint.format(q, quantityScale);
    }

    private String fmtPrice(long p) {
        return FixedPoint.format(p, priceScale);
    }

    /** Gives child order ids. */
    interface ChildIds {
        /** @return the next id */
        long next();
    }
}
