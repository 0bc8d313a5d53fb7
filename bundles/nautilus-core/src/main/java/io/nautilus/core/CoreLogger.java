package io.nautilus.core;

/**
 * Logging of the core's engine packages, which run both in Karaf (SLF4J, backed by pax-logging) and in the plain-JVM
 * replay tool (no SLF4J on the class path: {@link System.Logger} then). Messages use SLF4J's {@code {}} placeholders;
 * a trailing {@link Throwable} argument is logged as the exception. Never used on the hot path.
 */
public interface CoreLogger {

    /**
     * @param type the class that logs
     * @return a logger: SLF4J's if it is on the class path, else the JDK's
     */
    static CoreLogger of(Class<?> type) {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, CoreLogger.class.getClassLoader());
            return Slf4jLogger.of(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return new JdkLogger(System.getLogger(type.getName()));
        }
    }

    void debug(String message, Object... args);

    void info(String message, Object... args);

    void warn(String message, Object... args);

    void error(String message, Object... args);

    /** SLF4J, loaded only when present. */
    final class Slf4jLogger implements CoreLogger {
        private final org.slf4j.Logger log;

        private Slf4jLogger(org.slf4j.Logger log) {
            this.log = log;
        }

        static CoreLogger of(Class<?> type) {
            return new Slf4jLogger(org.slf4j.LoggerFactory.getLogger(type));
        }

        @Override
        public void debug(String message, Object... args) {
            log.debug(message, args);
        }

        @Override
        public void info(String message, Object... args) {
            log.info(message, args);
        }

        @Override
        public void warn(String message, Object... args) {
            log.warn(message, args);
        }

        @Override
        public void error(String message, Object... args) {
            log.error(message, args);
        }
    }

    /** The JDK's {@link System.Logger}. */
    final class JdkLogger implements CoreLogger {
        private final System.Logger log;

        JdkLogger(System.Logger log) {
            this.log = log;
        }

        private void log(System.Logger.Level level, String message, Object[] args) {
            if (!log.isLoggable(level)) {
                return;
            }
            Throwable thrown = args.length > 0 && args[args.length - 1] instanceof Throwable t ? t : null;
            StringBuilder sb = new StringBuilder(message.length() + 32);
            int arg = 0;
            int usable = thrown == null ? args.length : args.length - 1;
            for (int i = 0; i < message.length(); i++) {
                char ch = message.charAt(i);
                if (ch == '{' && i + 1 < message.length() && message.charAt(i + 1) == '}' && arg < usable) {
                    sb.append(args[arg++]);
                    i++;
                } else {
                    sb.append(ch);
                }
            }
            if (thrown == null) {
                log.log(level, sb.toString());
            } else {
                log.log(level, sb.toString(), thrown);
            }
        }

        @Override
        public void debug(String message, Object... args) {
            log(System.Logger.Level.DEBUG, message, args);
        }

        @Override
        public void info(String message, Object... args) {
            log(System.Logger.Level.INFO, message, args);
        }

        @Override
        public void warn(String message, Object... args) {
            log(System.Logger.Level.WARNING, message, args);
        }

        @Override
        public void error(String message, Object... args) {
            log(System.Logger.Level.ERROR, message, args);
        }
    }
}
