package io.nautilus.core.engine;

import io.nautilus.core.SelfTradePrevention;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryTest {

    private final Registry registry = new Registry();

    private static Registry.AccountDef account(int id, String name, long capital) {
        return new Registry.AccountDef(id, name, SelfTradePrevention.NONE, capital);
    }

    private static Registry.InstrumentDef instrument(int id, String symbol) {
        return new Registry.InstrumentDef(id, symbol, 1, 1, 1, 0, 0, 2, 0, 0, 0);
    }

    @Test
    void aPublishedViewNeverChangesWhateverIsDefinedAfterIt() {
        registry.define(account(0, "alice", 0));
        registry.define(instrument(0, "ES"));
        Registry.View before = registry.view();

        for (int i = 1; i < 100; i++) {
            assertThat(registry.define(account(i, "a" + i, 0))).isNull(); // the array fills and is copied
        }
        assertThat(registry.define(account(0, "alice", 5_000))).as("a redefinition").isNull();
        registry.define(instrument(1, "NQ"));

        assertThat(before.accounts()).containsExactly(account(0, "alice", 0));
        assertThat(before.accountIds()).isEqualTo(Map.of("alice", 0));
        assertThat(before.accountId("a7")).as("defined after the view").isEqualTo(-1);
        assertThat(before.accountIds().containsKey("a7")).isFalse();
        assertThat(before.instrumentIds()).isEqualTo(Map.of("ES", 0));
        assertThat(before.account(1)).isNull();

        Registry.View after = registry.view();
        assertThat(after.accounts()).hasSize(100);
        assertThat(after.account(0).capital()).isEqualTo(5_000);
        assertThat(after.accountId("a7")).isEqualTo(7);
        assertThat(after.accountIds()).hasSize(100).containsEntry("a99", 99);
        assertThat(after.instruments()).extracting(Registry.InstrumentDef::symbol).containsExactly("ES", "NQ");
        assertThat(after.instrumentId("NQ")).isEqualTo(1);
    }

    @Test
    void theViewsListsAndMapsAreImmutable() {
        registry.define(account(0, "alice", 0));
        List<Registry.AccountDef> accounts = registry.view().accounts();
        Map<String, Integer> ids = registry.view().accountIds();
        assertThatThrownBy(() -> accounts.add(account(1, "bob", 0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.put("bob", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> accounts.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anUnchangedDefinitionPublishesNothingAndConflictsAreRefused() {
        registry.define(account(0, "alice", 0));
        Registry.View view = registry.view();
        assertThat(registry.define(account(0, "alice", 0))).isNull();
        assertThat(registry.view()).isSameAs(view);

        assertThat(registry.define(account(1, "alice", 0))).isEqualTo("account alice already has id 0");
        assertThat(registry.define(account(0, "bob", 0))).isEqualTo("account id 0 is alice, not bob");
        assertThat(registry.define(account(3, "carol", 0))).isEqualTo("account id 3 is not the next id 1");
        assertThat(registry.define(instrument(0, "ES"))).isNull();
        assertThat(registry.define(instrument(1, "ES"))).isEqualTo("instrument ES already has id 0");
        assertThat(registry.view().accounts()).hasSize(1);
    }

    @Test
    void aSnapshotRestoresEveryDefinitionAndOldViewsKeepTheirs() throws IOException {
        for (int i = 0; i < 40; i++) {
            registry.define(account(i, "a" + i, i));
        }
        registry.define(instrument(0, "ES"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        registry.writeSnapshot(new DataOutputStream(bytes));

        Registry other = new Registry();
        other.define(account(0, "zed", 0));
        Registry.View old = other.view();
        other.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(other.view().accounts()).isEqualTo(registry.view().accounts());
        assertThat(other.view().accountIds()).isEqualTo(registry.view().accountIds());
        assertThat(other.view().instruments()).isEqualTo(registry.view().instruments());
        assertThat(other.view().accountId("zed")).isEqualTo(-1);
        assertThat(old.accountId("zed")).isZero();
        assertThat(other.define(account(40, "a40", 0))).isNull();
    }
}
