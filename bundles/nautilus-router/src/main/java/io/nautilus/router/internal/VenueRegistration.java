package io.nautilus.router.internal;

import io.nautilus.api.VenueId;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.VenueFeeSchedule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Locale;

/**
 * One venue of the router's registry per factory configuration of {@value #PID} (e.g.
 * {@code etc/io.nautilus.router.venue-XNAS.cfg}); registered as a service the router component tracks. A change of
 * the configuration re-creates it, so the router sees the new schedule.
 */
@Component(configurationPid = VenueRegistration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = VenueRegistration.class)
@Designate(ocd = VenueConfig.class, factory = true)
public final class VenueRegistration {

    /** The factory configuration PID. */
    public static final String PID = "io.nautilus.router.venue";

    private VenueFeeSchedule schedule;

    /** Creates the component (DS). */
    public VenueRegistration() {
    }

    @Activate
    void activate(VenueConfig config) {
        schedule = parse(config);
    }

    /**
     * Reads a venue configuration.
     *
     * @param config the configuration
     * @return the schedule
     * @throws IllegalArgumentException naming the venue and the value when invalid
     */
    static VenueFeeSchedule parse(VenueConfig config) {
        String id = config.venue() == null ? "" : config.venue().trim();
        VenueId venue;
        try {
            venue = VenueId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": venue: " + e.getMessage(), e);
        }
        FeeModel model = switch (config.fee_model().trim().toLowerCase(Locale.ROOT)) {
            case "per-unit", "per_unit", "per-share" -> FeeModel.PER_UNIT;
            case "bps" -> FeeModel.BPS;
            default -> throw new IllegalArgumentException(PID + " " + venue + ": fee.model = '" + config.fee_model()
                    + "' is not per-unit or bps");
        };
        return VenueFeeSchedule.parse(venue, model, config.maker(), config.taker(), config.enabled());
    }

    /** @return the venue's fee schedule */
    public VenueFeeSchedule schedule() {
        return schedule;
    }
}
