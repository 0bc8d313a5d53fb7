package io.nautilus.benchmarks.strategy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of the strategy benchmarks: {@code --name value} pairs with defaults. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    static Options parse(String[] args, Map<String, String> defaults) {
        Options o = new Options();
        o.values.putAll(defaults);
        Set<String> known = defaults.keySet();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + a + "'");
            }
            String name = a.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: " + known + ")");
            }
            o.values.put(name, args[++i]);
        }
        return o;
    }

    String text(String name) {
        return values.get(name);
    }

    long number(String name, long min) {
        long v;
        try {
            v = Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " '" + values.get(name) + "' is not an integer");
        }
        if (v < min) {
            throw new IllegalArgumentException("--" + name + " " + v + " must be at least " + min);
        }
        return v;
    }

    double fraction(String name) {
        double v;
        try {
            v = Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " '" + values.get(name) + "' is not a number");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("--" + name + " " + v + " must be from 0 to 1");
        }
        return v;
    }
}
