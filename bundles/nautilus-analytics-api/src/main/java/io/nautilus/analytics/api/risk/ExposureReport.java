package io.nautilus.analytics.api.risk;

import java.util.List;

/**
 * The exposures of the open positions of the live book, three ways. Positions without a mark price are left out and
 * listed in {@code unmarked}.
 *
 * @param byInstrument one row per instrument (all accounts), by instrument id
 * @param byAccount    one row per account and currency, by account then currency
 * @param byCurrency   one row per currency (all accounts), by currency
 * @param unmarked     "account instrument" of the open positions that have no mark yet
 */
public record ExposureReport(List<Exposure> byInstrument, List<Exposure> byAccount, List<Exposure> byCurrency,
                             List<String> unmarked) {

    /** Copies the lists. */
    public ExposureReport {
        byInstrument = List.copyOf(byInstrument);
        byAccount = List.copyOf(byAccount);
        byCurrency = List.copyOf(byCurrency);
        unmarked = List.copyOf(unmarked);
    }
}
