package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strategy commands against a stand-in engine: what they print and how they fail. */
class StrategyCommandsTest {

    private final List<String> calls = new ArrayList<>();
    private final StrategyInstanceInfo demo = new StrategyInstanceInfo("mm-demo",
            "io.nautilus.strategy.marketmaker.MarketMaker", "io.nautilus.strategy.marketmaker/0.1.0.SNAPSHOT", 3,
            "RUNNING", "", "mm-1", List.of("SIM-BTC"), Map.of("orderSize", "100", "halfSpreadTicks", "1"),
            "io.nautilus.strategy.marketmaker~demo", 1234, 2, 850, 0, 2, new BigDecimal("12.50"),
            new BigDecimal("-3.0000"), List.of(120L, 95L));
    private final StrategyInstanceInfo refused = new StrategyInstanceInfo("mm-two",
            "io.nautilus.strategy.marketmaker.MarketMaker", "io.nautilus.strategy.marketmaker/0.1.0.SNAPSHOT", 1,
            "RUNNING", "", "mm-2", List.of("SIM-BTC"), Map.of("orderSize", "100", "halfSpreadTicks", "1"),
            "io.nautilus.strategy.marketmaker~two", 10, 0, 850, 0, 2, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
            "new configuration refused, the previous one stays in force: market maker: halfSpreadTicks -1 must be"
                    + " at least 1\nconfiguration io.nautilus.strategy.marketmaker~copy also names strategy id"
                    + " mm-two, which configuration io.nautilus.strategy.marketmaker~two runs: refused (give it"
                    + " another id)");
    private final StrategyAdminService service = new StrategyAdminService() {
        @Override
        public List<StrategyInstanceInfo> instances() {
            return List.of(demo, refused);
        }

        @Override
        public Optional<StrategyInstanceInfo> instance(String id) {
            return List.of(demo, refused).stream().filter(info -> info.id().equals(id)).findFirst();
        }

        @Override
        public String stop(String id) {
            calls.add("stop " + id);
            if (!id.equals(demo.id())) {
                throw new IllegalArgumentException("no strategy instance " + id);
            }
            return "strategy " + id + " stopped";
        }

        @Override
        public String start(String id) {
            calls.add("start " + id);
            throw new IllegalArgumentException("strategy " + id + " is already running (RUNNING)");
        }

        @Override
        public String updateParameters(String id, Map<String, String> changes) {
            calls.add("params " + id + " " + changes);
            if (changes.containsKey("halfSpreadTicks") && changes.get("halfSpreadTicks").startsWith("-")) {
                throw new IllegalArgumentException("strategy " + id + " refuses the change: market maker:"
                        + " halfSpreadTicks -1 must be at least 1; nothing changed");
            }
            return "updated";
        }
    };
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private <C extends StrategyCommand> C wired(C command) {
        command.strategies = service;
        return command;
    }

    private String run(StrategyCommand command) throws Exception {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsInstancesWithVersionStateLagAndPnl() throws Exception {
        String out = run(wired(new StrategiesCommand()));

        assertThat(out).contains("ID", "VER", "STATE", "LAG", "REALISED", "UNREALISED");
        assertThat(out).contains("mm-demo", "MarketMaker", "RUNNING", "mm-1", "SIM-BTC", "1234", "850us", "12.5",
                "-3");
    }

    @Test
    void showsOneInstanceInDetail() throws Exception {
        StrategiesCommand command = wired(new StrategiesCommand());
        command.id = "mm-demo";

        String out = run(command);

        assertThat(out).contains("io.nautilus.strategy.marketmaker/0.1.0.SNAPSHOT", "param orderSize", "100",
                "io.nautilus.strategy.marketmaker~demo");
    }

    @Test
    void unknownInstancesFailWithOneLine() {
        StrategiesCommand command = wired(new StrategiesCommand());
        command.id = "nope";
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: no strategy instance nope (nautilus:strategies lists them)");
        StrategyStopCommand stop = wired(new StrategyStopCommand());
        stop.id = "nope";
        assertThatThrownBy(stop::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: no strategy instance nope");
        StrategyStartCommand start = wired(new StrategyStartCommand());
        start.id = "mm-demo";
        assertThatThrownBy(start::execute).hasMessageContaining("already running");
    }

    @Test
    void everyCommandFailsWithOneLineWhenTheEngineIsNotRunning() {
        for (StrategyCommand command : List.of(new StrategiesCommand(), new StrategyStartCommand(),
                new StrategyStopCommand(), new StrategyParamsCommand())) {
            assertThatThrownBy(command::execute).isInstanceOf(CommandException.class)
                    .hasMessage("nautilus: the strategy engine is not running");
        }
    }

    @Test
    void paramsShowsOrChangesParameters() throws Exception {
        StrategyParamsCommand show = wired(new StrategyParamsCommand());
        show.id = "mm-demo";
        assertThat(run(show)).contains("halfSpreadTicks", "orderSize", "configuration: io.nautilus.strategy"
                + ".marketmaker~demo");

        StrategyParamsCommand change = wired(new StrategyParamsCommand());
        change.id = "mm-demo";
        change.changes = List.of("orderSize=200", "halfSpreadTicks = 2");
        run(change);
        assertThat(calls).containsExactly("params mm-demo {orderSize=200, halfSpreadTicks=2}");

        StrategyParamsCommand bad = wired(new StrategyParamsCommand());
        bad.id = "mm-demo";
        bad.changes = List.of("orderSize");
        assertThatThrownBy(bad::execute).hasMessage("nautilus: 'orderSize' is not name=value");
    }

    @Test
    void aRefusedConfigurationIsShownInTheListAndInFullInTheDetails() throws Exception {
        String list = run(wired(new StrategiesCommand()));
        assertThat(list).contains("CONFIG ERROR", "new configuration refused, the previous one stays in force: market"
                + " maker: halfSpreadTicks -1 must be at least 1 (+1 more: nautilus:strategies <id>)");
        assertThat(list.lines().filter(line -> line.startsWith("mm-demo")).findFirst().orElseThrow()).endsWith("-");

        bytes.reset();
        StrategiesCommand details = wired(new StrategiesCommand());
        details.id = "mm-two";
        assertThat(run(details)).contains("config error", "market maker: halfSpreadTicks -1 must be at least 1",
                "also names strategy id mm-two");
    }

    @Test
    void aRefusedParameterChangeFailsWithTheStrategysReason() {
        StrategyParamsCommand change = wired(new StrategyParamsCommand());
        change.id = "mm-demo";
        change.changes = List.of("halfSpreadTicks=-1");
        assertThatThrownBy(change::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: strategy mm-demo refuses the change: market maker: halfSpreadTicks -1 must be"
                        + " at least 1; nothing changed");
    }

    @Test
    void lagIsHumanReadable() {
        assertThat(StrategyTable.lag(-1)).isEqualTo("-");
        assertThat(StrategyTable.lag(999)).isEqualTo("999us");
        assertThat(StrategyTable.lag(12_345)).isEqualTo("12.3ms");
        assertThat(StrategyTable.lag(2_000_000)).isEqualTo("2.0s");
    }
}
