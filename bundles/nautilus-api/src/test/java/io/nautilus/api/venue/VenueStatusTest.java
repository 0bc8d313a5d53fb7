package io.nautilus.api.venue;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VenueStatusTest {

    private final VenueSessionInfo session = new VenueSessionInfo(VenueId.of("XNAS"), ConnectionState.LOGGED_ON, "",
            -1, -1, 0, "");

    @Test
    void theConstructorWithoutCountsStartsThemAtZero() {
        VenueStatus status = new VenueStatus(session, 3, 10, 9, 1, null, false);

        assertThat(status.duplicateFills()).isZero();
        assertThat(status.failures()).isZero();
        assertThat(status.reconciliation()).isEqualTo("never");
        assertThat(status).isEqualTo(new VenueStatus(session, 3, 10, 9, 1, "never", false, 0, 0));
    }

    @Test
    void negativeCountsAreRefusedNamingTheVenue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VenueStatus(session, 0, 0, 0, 0, "never", false, -1, 0))
                .withMessage("venue XNAS: duplicate fills -1 must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new VenueStatus(session, 0, 0, 0, 0, "never", false, 0, -2))
                .withMessage("venue XNAS: failures -2 must not be negative");
    }
}
