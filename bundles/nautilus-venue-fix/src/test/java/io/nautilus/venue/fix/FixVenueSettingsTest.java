package io.nautilus.venue.fix;

import org.junit.jupiter.api.Test;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and validating a venue's configuration file. */
class FixVenueSettingsTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("venue.id", "ACME-FIX");
        properties.put("host", "fix.example.com");
        properties.put("port", "9878");
        properties.put("sender.comp.id", "NAUTILUS");
        properties.put("target.comp.id", "ACME");
        return properties;
    }

    @Test
    void defaultsAreFix44AlwaysOnWithTheStoreUnderKarafData() throws Exception {
        FixVenueSettings settings = FixVenueSettings.parse(minimal(), "/opt/nautilus/data");
        assertThat(settings.beginString()).isEqualTo("FIX.4.4");
        assertThat(settings.storePath()).isEqualTo(Path.of("/opt/nautilus/data/nautilus/fix/ACME-FIX"));
        assertThat(settings.dataDictionary()).isEqualTo("FIX44.xml");
        SessionSettings fix = settings.toSessionSettings();
        SessionID id = new SessionID("FIX.4.4", "NAUTILUS", "ACME");
        assertThat(fix.getString(id, "NonStopSession")).isEqualTo("Y");
        assertThat(fix.getString(id, "ConnectionType")).isEqualTo("initiator");
        assertThat(fix.getString(id, "FileStorePath")).isEqualTo("/opt/nautilus/data/nautilus/fix/ACME-FIX");
        assertThat(fix.getString(id, "ReconnectInterval")).isEqualTo("1;2;5;10;30");
    }

    @Test
    void anAbsentPropertyIsItsMetatypeDefault() {
        Map<String, Object> explicit = minimal();
        for (Method attribute : FixVenueConfig.class.getDeclaredMethods()) {
            if (attribute.getDefaultValue() != null) {
                explicit.put(attribute.getName().replace('_', '.'), String.valueOf(attribute.getDefaultValue()));
            }
        }
        assertThat(explicit).hasSizeGreaterThan(minimal().size() + 10);

        assertThat(FixVenueSettings.parse(minimal(), "/data")).isEqualTo(FixVenueSettings.parse(explicit, "/data"));
    }

    @Test
    void theExampleFileNamesOnlyMetatypeAttributesAndShowsTheirDefaults() throws Exception {
        Properties example = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/example/io.nautilus.venue.fix-example.cfg")) {
            assertThat(in).isNotNull();
            example.load(in);
        }
        Set<String> attributes = new HashSet<>();
        for (Method attribute : FixVenueConfig.class.getDeclaredMethods()) {
            String key = attribute.getName().replace('_', '.');
            attributes.add(key);
            if (attribute.getDefaultValue() != null) {
                assertThat(example.getProperty(key)).as(key).isEqualTo(String.valueOf(attribute.getDefaultValue()));
            }
        }
        assertThat(attributes).containsAll(example.stringPropertyNames());
        Map<String, Object> properties = new HashMap<>();
        example.forEach((key, value) -> properties.put((String) key, value));
        assertThat(FixVenueSettings.parse(properties, "/data").venue().value()).isEqualTo("EXAMPLE-FIX");
    }

    @Test
    void fix42WithADailyScheduleUsesItsOwnDictionary() throws Exception {
        Map<String, Object> properties = minimal();
        properties.put("begin.string", "FIX.4.2");
        properties.put("session.start", "07:00:00");
        properties.put("session.end", "21:30:00");
        properties.put("session.time.zone", "America/Chicago");
        FixVenueSettings settings = FixVenueSettings.parse(properties, null);
        SessionSettings fix = settings.toSessionSettings();
        SessionID id = settings.sessionId();
        assertThat(fix.getString(id, "DataDictionary")).isEqualTo("FIX42.xml");
        assertThat(fix.getString(id, "StartTime")).isEqualTo("07:00:00");
        assertThat(fix.getString(id, "TimeZone")).isEqualTo("America/Chicago");
        assertThat(fix.isSetting(id, "NonStopSession")).isFalse();
    }

    @Test
    void brokenValuesAreRefusedWithTheKeyAndValue() {
        assertRefused("host", null, "FIX venue ACME-FIX: host is required");
        assertRefused("port", "abc", "port 'abc' is not a whole number");
        assertRefused("port", "70000", "port 70000 must be within 1..65535");
        assertRefused("begin.string", "FIX.5.0", "begin.string 'FIX.5.0' is not FIX.4.2 or FIX.4.4");
        assertRefused("session.start", "7am", "session.start '7am' is not a time HH:mm:ss");
        assertRefused("session.start", "07:00:00", "session.start and session.end must both be set");
        assertRefused("session.time.zone", "Mars/Base", "session.time.zone 'Mars/Base' is not a time zone");
        assertRefused("reconnect.interval", "1 2 5", "reconnect.interval '1 2 5' is not seconds or a back-off");
        assertRefused("reset.on.logon", "maybe", "reset.on.logon 'maybe' is not true or false");
        assertRefused("venue.id", "bad id!", "venue.id 'bad id!' is not a valid venue id");
    }

    private static void assertRefused(String key, Object value, String message) {
        Map<String, Object> properties = minimal();
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        assertThatThrownBy(() -> FixVenueSettings.parse(properties, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
