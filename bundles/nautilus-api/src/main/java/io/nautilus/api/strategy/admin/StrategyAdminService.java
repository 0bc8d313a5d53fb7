package io.nautilus.api.strategy.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator control of strategy instances: what runs, stop, start and parameter changes.
 *
 * <p>Every method that changes something returns a one-line outcome for the operator and throws
 * {@link IllegalArgumentException} with a clear message for an unknown instance or a bad request, in which case
 * nothing changed.
 */
public interface StrategyAdminService {

    /**
     * All instances the engine knows, running or not, sorted by id.
     *
     * @return one entry per instance
     */
    List<StrategyInstanceInfo> instances();

    /**
     * One instance.
     *
     * @param id the instance id
     * @return the instance, or empty if unknown
     */
    Optional<StrategyInstanceInfo> instance(String id);

    /**
     * Stops a running instance: it receives the events already queued, then stop; its working orders are canceled
     * or left per its order policy. It stays stopped, also across new versions of its bundle, until
     * {@link #start(String)}.
     *
     * @param id the instance id
     * @return the outcome
     * @throws IllegalArgumentException if the instance is unknown or not running
     */
    String stop(String id);

    /**
     * Starts a stopped or failed instance again with its current strategy service.
     *
     * @param id the instance id
     * @return the outcome
     * @throws IllegalArgumentException if the instance is unknown, running, or its strategy service is gone
     */
    String start(String id);

    /**
     * Changes parameters of an instance through its Config Admin configuration (persisted like an edit of its
     * {@code etc/} file). The change is checked before anything is written: every name must be a parameter of the
     * strategy and the resulting configuration one the strategy accepts (its
     * {@link io.nautilus.api.strategy.StrategyConfigurationCheck}). The instance is then handed to the newly
     * configured strategy with its state, like a hot swap, and no event is lost.
     *
     * @param id      the instance id
     * @param changes parameter names and new values (as in the {@code .cfg} file)
     * @return the outcome
     * @throws IllegalArgumentException if the instance is unknown, has no configuration, a name is reserved or not
     *                                  a parameter of the strategy, or the strategy refuses a value (the message
     *                                  says why); nothing is written then
     */
    String updateParameters(String id, Map<String, String> changes);
}
