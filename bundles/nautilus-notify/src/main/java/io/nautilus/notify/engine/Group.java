package io.nautilus.notify.engine;

import io.nautilus.notify.config.RouteConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/** One group of a route: the incidents whose group_by labels have the same values. */
final class Group extends Timed {

    final String key;
    final RouteConfig route;
    final Map<Long, Member> members = new LinkedHashMap<>();
    boolean flushedOnce;
    boolean changed;
    long lastFlushNanos;
    long lastNotifiedNanos;

    Group(String key, RouteConfig route) {
        this.key = key;
        this.route = route;
    }
}
