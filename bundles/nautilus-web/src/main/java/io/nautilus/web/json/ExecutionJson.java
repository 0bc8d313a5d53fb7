package io.nautilus.web.json;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;

/**
 * One execution report: the {@code executions} topic's data, the reports of {@code GET /api/v1/orders/{id}} and of
 * an order command's answer.
 *
 * @param coreSeq           the journal seq of the command that produced it, null where unknown (an order's history)
 * @param execId            the report's id
 * @param orderId           the order
 * @param clientOrderId     the order's client id
 * @param origClientOrderId the client id it replaced, 0 for none
 * @param account           the account
 * @param strategy          the strategy that sent the order, null for none
 * @param instrument        the instrument
 * @param venue             the venue, null for none
 * @param side              BUY or SELL
 * @param execType          what happened (NEW, TRADE, CANCELED, ...)
 * @param status            the order's status after it
 * @param rejectReason      why it was refused, null for none
 * @param cancelReason      why it was canceled, null for none
 * @param liquidity         MAKER or TAKER for a fill, null for none
 * @param text              free text
 * @param lastPrice         the fill's price, null when it is no fill
 * @param lastQuantity      the fill's quantity, null when it is no fill
 * @param leavesQuantity    quantity still open
 * @param filledQuantity    quantity filled so far
 * @param averagePrice      average fill price
 * @param fee               the fill's fee, null when it is no fill
 * @param transactTime      when it happened
 * @param publishTime       when the core published it
 */
public record ExecutionJson(Long coreSeq, long execId, long orderId, long clientOrderId, long origClientOrderId,
                            String account, String strategy, String instrument, String venue, String side,
                            String execType, String status, String rejectReason, String cancelReason,
                            String liquidity, String text, String lastPrice, String lastQuantity,
                            String leavesQuantity, String filledQuantity, String averagePrice, String fee,
                            String transactTime, String publishTime) {

    /**
     * @param coreSeq the journal seq of the command that produced it, or null
     * @param r       the report
     * @param i       the instrument's definition, or null (scale 0)
     * @return its JSON
     */
    public static ExecutionJson of(Long coreSeq, ExecutionReport r, Instrument i) {
        int ps = Wire.priceScale(i);
        int qs = Wire.quantityScale(i);
        boolean fill = r.lastQuantity() != 0;
        return new ExecutionJson(coreSeq, r.execId(), r.orderId(), r.clientOrderId(), r.origClientOrderId(),
                r.account().value(), r.strategy() == null ? null : r.strategy().value(), r.instrument().value(),
                r.venue() == null ? null : r.venue().value(), r.side().name(), r.execType().name(),
                r.status().name(), Wire.reason(r.rejectReason()), Wire.reason(r.cancelReason()),
                Wire.reason(r.liquidity()), r.text(), fill ? Wire.decimal(r.lastPrice(), ps) : null,
                fill ? Wire.decimal(r.lastQuantity(), qs) : null, Wire.decimal(r.leavesQuantity(), qs),
                Wire.decimal(r.cumulativeQuantity(), qs), Wire.decimal(r.averagePrice(), ps),
                fill ? Wire.decimal(r.fee(), ps) : null, Wire.time(r.transactTimeNanos()),
                Wire.time(r.publishTimeNanos()));
    }
}
