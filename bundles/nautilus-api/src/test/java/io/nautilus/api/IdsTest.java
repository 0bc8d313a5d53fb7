package io.nautilus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "ACC-1", "BTC-USD.COINBASE", "EUR/USD", "ESZ4.CME", "mm_btc:1"})
    void acceptsWellFormedIds(String value) {
        assertThat(InstrumentId.of(value).value()).isEqualTo(value);
    }

    @Test
    void idsCompareByValueAndPrintAsTheirText() {
        assertThat(AccountId.of("ACC-1")).isEqualTo(new AccountId("ACC-1")).hasToString("ACC-1");
        assertThat(AccountId.of("ACC-1")).isNotEqualTo(AccountId.of("acc-1"));
    }

    @Test
    void rejectsEmptyIdNamingTheKind() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccountId.of(""))
                .withMessage("account id must not be empty");
    }

    @Test
    void rejectsBlankIdNamingTheCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> StrategyId.of("  "))
                .withMessageContaining("strategy id '  '")
                .withMessageContaining("' ' at index 0");
    }

    @Test
    void rejectsDisallowedCharacterNamingValueAndIndex() {
        assertThatIllegalArgumentException().isThrownBy(() -> InstrumentId.of("BTC USD"))
                .withMessageStartingWith("instrument id 'BTC USD' has ' ' at index 3");
    }

    @Test
    void rejectsNonAsciiLetters() {
        assertThatIllegalArgumentException().isThrownBy(() -> VenueId.of("BÖRSE"))
                .withMessageContaining("'Ö' at index 1");
    }

    @Test
    void acceptsSixtyFourCharactersAndRejectsSixtyFive() {
        String max = "X".repeat(64);
        assertThat(VenueId.of(max).value()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> VenueId.of(max + "X"))
                .withMessageContaining("has 65 characters; at most 64");
    }

    @Test
    void rejectsNullWithTheKind() {
        assertThatNullPointerException().isThrownBy(() -> AccountId.of(null))
                .withMessage("account id must not be null");
    }
}
