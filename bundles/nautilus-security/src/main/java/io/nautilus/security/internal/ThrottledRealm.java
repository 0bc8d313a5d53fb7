package io.nautilus.security.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's JAAS realm ({@code karaf}, the one SSH, JMX and the web console log in through) with failed-login
 * logging and throttling in front: it outranks the best other realm of that name (Karaf's own, or one an
 * operator installed) by one and hands out that realm's login modules after a {@link ThrottlingLoginModule}.
 * Users, passwords, keys and {@code jaas:*} commands stay exactly those of the wrapped realm.
 */
@Component(service = JaasRealm.class, configurationPid = AdminCredentialBootstrap.PID,
        property = ThrottledRealm.MARKER + "=true")
public final class ThrottledRealm implements JaasRealm {

    /** Service property marking this realm, so that it never wraps itself. */
    static final String MARKER = "io.nautilus.security.throttled";

    /** Login throttling settings, in etc/io.nautilus.security.cfg. */
    public @interface Config {
        /** @return the JAAS realm to wrap */
        String realm() default "karaf";

        /** @return failed logins in a row (per user and client address) before further attempts are delayed */
        int loginFreeFailures() default 3;

        /** @return the first delay, in ms; it doubles with each further failure */
        long loginDelayMillis() default 1000;

        /** @return the longest delay, in ms */
        long loginMaxDelayMillis() default 10000;

        /** @return minutes after a user's last failure from an address after which it starts afresh */
        long loginForgetMinutes() default 15;

        /**
         * @return most attempts waiting out a delay at once, each holding an SSH I/O thread (keep it below the SSH
         *         server's nio-workers); further delayed attempts are refused at once
         */
        int loginMaxWaiting() default 2;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledRealm.class);
    private static final int MAX_TRACKED = 10_000;

    private final List<JaasRealm> others = new CopyOnWriteArrayList<>();
    private String name = "karaf";
    private long bundleId;
    private LoginThrottle throttle;
    private DelayGate gate;

    /** Creates the component; DS calls {@link #activate}. */
    public ThrottledRealm() {
    }

    @Activate
    void activate(BundleContext context, Config config) {
        bundleId = context.getBundle().getBundleId();
        name = config.realm();
        Config valid = config;
        try {
            throttle = throttleOf(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Login throttle settings in {} refused ({}); using the defaults.", AdminCredentialBootstrap.PID,
                    e.getMessage());
            valid = defaults();
            throttle = throttleOf(valid);
        }
        gate = new DelayGate(Math.max(1, valid.loginMaxWaiting()));
        LOG.info("Failed logins to realm '{}' are logged; after {} in a row (per user and address) further attempts "
                + "wait {} ms, doubling up to {} ms", name, valid.loginFreeFailures(), valid.loginDelayMillis(),
                valid.loginMaxDelayMillis());
    }

    private static LoginThrottle throttleOf(Config config) {
        return new LoginThrottle(config.loginFreeFailures(), config.loginDelayMillis(), config.loginMaxDelayMillis(),
                config.loginForgetMinutes() * 60_000L, MAX_TRACKED, () -> System.nanoTime() / 1_000_000L);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + MARKER + "=true))")
    void addRealm(JaasRealm realm) {
        others.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        others.remove(realm);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        JaasRealm wrapped = wrapped();
        return wrapped == null ? Integer.MIN_VALUE : wrapped.getRank() + 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm wrapped = wrapped();
        if (wrapped == null) {
            return new AppConfigurationEntry[0];
        }
        AppConfigurationEntry[] inner = wrapped.getEntries();
        AppConfigurationEntry[] entries = new AppConfigurationEntry[inner.length + 1];
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, ThrottlingLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId));
        options.put(ThrottlingLoginModule.THROTTLE_OPTION, throttle);
        options.put(ThrottlingLoginModule.GATE_OPTION, gate);
        entries[0] = new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUISITE, options);
        System.arraycopy(inner, 0, entries, 1, inner.length);
        return entries;
    }

    /** @return the highest-ranked other realm of our name, or null */
    private JaasRealm wrapped() {
        JaasRealm best = null;
        for (JaasRealm realm : others) {
            if (name.equals(realm.getName()) && (best == null || realm.getRank() > best.getRank())) {
                best = realm;
            }
        }
        return best;
    }

    /** @return the settings' annotation defaults, for settings that were refused */
    private static Config defaults() {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> method.getDefaultValue());
    }
}
