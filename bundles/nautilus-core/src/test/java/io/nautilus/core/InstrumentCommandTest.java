package io.nautilus.core;

import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.matching.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADD_INSTRUMENT's one layout and one set of rules, as the registry, the core and a bare matching engine read it. */
class InstrumentCommandTest {

    private static final Registry.InstrumentDef ABC =
            new Registry.InstrumentDef(0, "ABC", 5, 10, 20, 300, 1_000, 2, 3, -1, 4);

    @Test
    void encodedDefinitionDecodesToTheSameDefinitionAndRouting() {
        Command c = new Command();
        Registry.encode(ABC, true, c);

        assertThat(c.op).isEqualTo(Op.ADD_INSTRUMENT);
        assertThat(InstrumentCommand.problem(c)).isNull();
        assertThat(Registry.instrumentOf(c)).isEqualTo(ABC);
        assertThat(InstrumentCommand.external(c)).isTrue();
        assertThat(InstrumentCommand.priceScale(c)).isEqualTo(2);
        assertThat(InstrumentCommand.quantityScale(c)).isEqualTo(3);

        Registry.encode(ABC, c);
        assertThat(InstrumentCommand.external(c)).isFalse();
        assertThat(Registry.instrumentOf(c)).isEqualTo(ABC);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("instrument id -1 must be >= 0", (Consumer<Command>) c -> c.instrument = -1),
                Arguments.of("instrument 0 has no symbol", (Consumer<Command>) c -> c.text = " "),
                Arguments.of("tick size 0 of instrument 0 must be > 0", (Consumer<Command>) c -> c.price = 0),
                Arguments.of("lot size -10 of instrument 0 must be > 0", (Consumer<Command>) c -> c.qty = -10),
                Arguments.of("minimum quantity 0 of instrument 0 must be a positive multiple of the lot size 10",
                        (Consumer<Command>) c -> c.stopPrice = 0),
                Arguments.of("minimum quantity 15 of instrument 0 must be a positive multiple of the lot size 10",
                        (Consumer<Command>) c -> c.stopPrice = 15),
                Arguments.of("price band -1 bps of instrument 0 must be >= 0",
                        (Consumer<Command>) c -> c.displayQty = -1),
                Arguments.of("reference price -5 of instrument 0 must be >= 0",
                        (Consumer<Command>) c -> c.expiry = -5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyReaderRefusesAnInvalidDefinitionForTheSameReason(String reason, Consumer<Command> breakIt) {
        Command c = new Command();
        Registry.encode(ABC, c);
        breakIt.accept(c);

        assertThat(InstrumentCommand.problem(c)).isEqualTo(reason);
        assertThatThrownBy(() -> Registry.instrumentOf(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid instrument definition: " + reason);

        TradingEngine core = new TradingEngine(2);
        core.process(c);
        assertThat(c.rejected()).isTrue();
        assertThat(core.matching().instruments()).isEmpty();

        MatchingEngine bare = new MatchingEngine();
        Command again = new Command();
        Registry.encode(ABC, again);
        breakIt.accept(again);
        bare.process(again);
        assertThat(bare.instruments()).isEmpty();
    }

    @Test
    void theCoreAndABareMatchingEngineDefineTheSameValidInstrument() {
        TradingEngine core = new TradingEngine(2);
        Command c = new Command();
        Registry.encode(ABC, true, c);
        core.process(c);
        MatchingEngine bare = new MatchingEngine();
        Command again = new Command();
        Registry.encode(ABC, true, again);
        bare.process(again);

        assertThat(c.rejected()).isFalse();
        assertThat(bare.instruments()).isEqualTo(core.matching().instruments()).hasSize(1);
        assertThat(bare.isExternal(0)).isTrue();
        assertThat(core.matching().isExternal(0)).isTrue();
    }
}
