package io.nautilus.analytics.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exposure of a group of positions in one currency: an instrument, an account or a currency.
 *
 * @param key       what the group is: an instrument id, an account id or a currency code
 * @param currency  the currency the values are in
 * @param gross     the sum of |quantity| x mark, not negative
 * @param net       the sum of signed quantity x mark (long positive, short negative)
 * @param positions how many open positions the group holds
 */
public record Exposure(String key, String currency, BigDecimal gross, BigDecimal net, int positions) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a component is null
     */
    public Exposure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(net, "net");
    }
}
