package io.nautilus.itests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * The Karaf shell of the container under test, as its admin uses it: each command runs in a new session as a subject
 * with the admin, manager and viewer roles, and what it printed is returned. Built on the {@link SessionFactory} a
 * Pax Exam test has injected.
 */
final class AdminShell {

    /** How long a command the shell has not registered yet is retried. */
    static final long COMMAND_WAIT_MILLIS = 30_000;

    private final SessionFactory sessionFactory;

    AdminShell(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Runs a command; a command the shell has not registered yet (bundles still starting, or refreshed when a late
     * bundle satisfies an optional import) is retried for up to {@link #COMMAND_WAIT_MILLIS}.
     *
     * @param command the command line (several lines run in one session)
     * @return what the command printed
     * @throws Exception what the command threw (its own exception, not wrapped)
     */
    String execute(String command) throws Exception {
        try {
            return executeOnce(command);
        } catch (Exception e) {
            if (!notRegisteredYet(e)) {
                throw e;
            }
        }
        Exception[] failure = new Exception[1];
        String[] output = new String[1];
        Await.until(() -> {
            try {
                output[0] = executeOnce(command);
                failure[0] = null;
                return true;
            } catch (Exception e) {
                failure[0] = e;
                return !notRegisteredYet(e);
            }
        }, COMMAND_WAIT_MILLIS, Await.POLL.multipliedBy(5), () -> "command " + command + " registered: "
                + failure[0]);
        if (failure[0] != null) {
            throw failure[0];
        }
        return output[0];
    }

    /**
     * Runs a command that must fail.
     *
     * @param command the command line
     * @return the message of the exception it threw
     * @throws AssertionError if it did not fail
     */
    String executeFailing(String command) throws Exception {
        String output;
        try {
            output = execute(command);
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError(command + " did not fail: " + output);
    }

    private String executeOnce(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        for (String role : List.of("admin", "manager", "viewer")) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean notRegisteredYet(Exception e) {
        return String.valueOf(e).contains("CommandNotFoundException")
                || String.valueOf(e.getCause()).contains("CommandNotFoundException");
    }
}
