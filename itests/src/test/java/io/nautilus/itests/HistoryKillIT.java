package io.nautilus.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.internal.JournalFills;
import io.nautilus.core.internal.JournalFills.Fill;
import io.nautilus.itests.UnpackedDistribution.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The history store of the default platform, from outside the running distribution (real {@code bin/} scripts, real
 * processes): first that the demo market maker's fills show up in {@code nautilus:history fills} within a second, on
 * a freshly unpacked distribution; then that a {@code kill -9} in the middle of a write burst loses and duplicates
 * nothing: after the restart the store catches up, and once the platform is stopped the fills in its H2 file are
 * exactly the fills the core's journal holds (replayed outside the platform), field by field.
 *
 * <p>The burst is what a desk can do with the platform as shipped: {@code bin/client} scripts of
 * {@code nautilus:submit} commands on the quiet instrument SIM-ACME, two at once, each round resting 50 one-lot
 * orders of one desk and sweeping them with one order of the other desk (one command, 100 fill reports).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryKillIT {

    private static final String PASSWORD = "history-kill-IT-5";
    private static final Pattern FILL_ROW = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z)\\s*\\|\\s*(\\d+)\\s*\\|");
    private static final Pattern POLL = Pattern.compile("^poll-(start|end) (\\d+)$");
    /** Rounds of 51 commands per burst script: 5,100 lines, under bin/client's script limit (261,120 bytes). */
    private static final int ROUNDS = 100;
    private static final int LOT_ORDERS = 50;

    private static UnpackedDistribution dist;
    private static Path home;
    private static final List<Process> clients = new ArrayList<>();

    @BeforeAll
    static void unpackAndStart() throws Exception {
        dist = UnpackedDistribution.unpack("history-kill-it");
        home = dist.home;
        startAndAwaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process p : clients) {
            p.destroyForcibly();
        }
        if (dist == null) {
            return;
        }
        String pid = Files.exists(home.resolve("karaf.pid")) ? Files.readString(home.resolve("karaf.pid")).trim() : "";
        dist.stopIfRunning();
        if (!pid.isEmpty() && Files.exists(Path.of("/proc", pid))) {
            dist.run(Map.of(), Duration.ofSeconds(30), "kill", "-9", pid);
        }
    }

    @Test
    @Order(1)
    void demoTradingShowsUpInHistoryFillsWithinASecond() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(client("nautilus:history fills --account mm-1 --limit 1").output())
                        .as("the demo market maker's first fill in the store").containsPattern("\\| mm-1 +\\|"));
        // one bin/client session polls the store every ~100 ms, stamping each poll with the platform's clock; a
        // fill first shown by a poll was visible at most (end of that poll - fill time) after it was made
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            script.append("echo poll-start ((new java.util.Date) getTime)\n")
                    .append("nautilus:history fills --account mm-1 --limit 1\n")
                    .append("echo poll-end ((new java.util.Date) getTime)\n")
                    .append("(new java.lang.Thread) sleep 100\n");
        }
        Files.writeString(home.resolve("poll-fills.txt"), script);
        List<Long> delays = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delays.size() < 3 && System.nanoTime() < deadline) {
            Result polls = clientScript("poll-fills.txt", Duration.ofSeconds(120));
            assertThat(polls.exit()).as(polls.output()).isZero();
            delays.addAll(firstSeenDelays(polls.output()));
        }
        assertThat(delays).as("new demo fills seen while polling").hasSizeGreaterThanOrEqualTo(3);
        List<Long> sorted = new ArrayList<>(delays);
        sorted.sort(null);
        System.out.println("demo fill to nautilus:history fills: " + sorted.size() + " new fills, at most "
                + sorted.get(sorted.size() - 1) + " ms, median " + sorted.get(sorted.size() / 2)
                + " ms after the fill (poll every ~100 ms; each figure includes up to one poll interval)");
        assertThat(sorted.get(sorted.size() - 1)).as("ms from a demo fill to nautilus:history fills showing it")
                .isLessThan(5_000);
    }

    /** For each poll that shows a newer fill than the poll before: its end time minus the fill's time, in ms. */
    private static List<Long> firstSeenDelays(String output) {
        List<Long> delays = new ArrayList<>();
        long previousSeq = -1;
        long seq = -1;
        long fillMillis = 0;
        for (String line : output.split("\\R")) {
            Matcher poll = POLL.matcher(line.strip());
            if (poll.matches()) {
                if (poll.group(1).equals("start")) {
                    seq = -1;
                } else {
                    if (seq > 0 && previousSeq > 0 && seq != previousSeq) {
                        delays.add(Long.parseLong(poll.group(2)) - fillMillis);
                    }
                    if (seq > 0) {
                        previousSeq = seq;
                    }
                }
                continue;
            }
            Matcher row = FILL_ROW.matcher(line.strip());
            if (row.find()) {
                fillMillis = Instant.parse(row.group(1)).toEpochMilli();
                seq = Long.parseLong(row.group(2));
            }
        }
        return delays;
    }

    @Test
    @Order(2)
    void afterAKill9DuringAWriteBurstTheStoreHoldsExactlyTheJournalsFills() throws Exception {
        long started = System.nanoTime();
        Map<String, String> before = status();
        long rowsBefore = Long.parseLong(before.get("Rows written"));
        writeBurst("burst-1.txt", "desk-1", "desk-2", 100_00);
        writeBurst("burst-2.txt", "desk-2", "desk-1", 102_00);
        clients.add(startClient("burst-1.txt"));
        clients.add(startClient("burst-2.txt"));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Long.parseLong(status().get("Rows written")) - rowsBefore)
                        .as("rows the store wrote during the burst").isGreaterThanOrEqualTo(24_000));
        assertThat(clients).as("the burst is still running when the platform is killed").anyMatch(Process::isAlive);
        Map<String, String> atKill = status();
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        Result kill = dist.run(Map.of(), Duration.ofSeconds(30), "kill", "-9", pid);
        assertThat(kill.exit()).as(kill.output()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(Path.of("/proc", pid)));
        for (Process p : clients) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        System.out.println("killed during the burst; store status just before: " + atKill);

        int logLinesBefore = Files.readAllLines(home.resolve("data/log/karaf.log")).size();
        startAndAwaitReady();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, String> s = status();
            assertThat(s.get("State")).isEqualTo("RUNNING");
            assertThat(s.get("Written seq")).as("written = core seq in " + s).isEqualTo(s.get("Core seq"));
            assertThat(s.get("Lag")).as(s.toString()).startsWith("0 seqs");
            assertThat(s.get("Behind from seq")).as(s.toString()).isEqualTo("none");
            assertThat(s.get("Queued")).as(s.toString()).isEqualTo("0");
        });
        Map<String, String> caughtUp = status();
        List<String> restartLog = Files.readAllLines(home.resolve("data/log/karaf.log"));
        restartLog = restartLog.subList(Math.min(logLinesBefore, restartLog.size()), restartLog.size());
        restartLog.stream().filter(l -> l.contains("history store")).forEach(System.out::println);
        assertThat(String.join("\n", restartLog)).as("no gap recorded").doesNotContain("missing from the history store");

        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();

        StoreFills store = storeFills(home.resolve("data/nautilus/history"));
        JournalFills.Replayed journal = JournalFills.read(home.resolve("data/nautilus/core"), 2);
        compare(journal, store, caughtUp);
        Matcher restartedAt = Pattern.compile("written up to core seq (\\d+)").matcher(String.join("\n", restartLog));
        assertThat(restartedAt.find()).as("the store's start line after the restart").isTrue();
        long writtenAtRestart = Long.parseLong(restartedAt.group(1));
        Matcher replayed = Pattern.compile("caught up from the core's journal, seqs (\\d+) to (\\d+)")
                .matcher(String.join("\n", restartLog));
        long replayFrom = replayed.find() ? Long.parseLong(replayed.group(1)) : 0;
        long replayTo = replayFrom == 0 ? 0 : Long.parseLong(replayed.group(2));
        System.out.println("the store had written up to seq " + writtenAtRestart + " when killed; the restart"
                + " caught up seqs " + replayFrom + " to " + replayTo + " from the journal ("
                + journal.fills().stream().filter(f -> f.coreSeq() >= replayFrom && f.coreSeq() <= replayTo).count()
                + " fills)");
        List<Fill> burst = journal.fills().stream().filter(f -> f.instrument().equals("SIM-ACME")).toList();
        long lastBurstNanos = burst.get(burst.size() - 1).fillTimeNanos();
        long lastDurableNanos = burst.stream().filter(f -> f.coreSeq() <= writtenAtRestart)
                .mapToLong(Fill::fillTimeNanos).max().orElse(0);
        System.out.println("burst fills after the store's durable progress at the kill: "
                + burst.stream().filter(f -> f.coreSeq() > writtenAtRestart).count() + ", the last made "
                + (lastBurstNanos - lastDurableNanos) / 1_000_000 + " ms after the last one the store kept");
        long reportedWritten = Long.parseLong(atKill.get("Written seq"));
        if (writtenAtRestart < reportedWritten) {
            System.out.println("the kill undid seqs " + (writtenAtRestart + 1) + " to " + reportedWritten + " that"
                    + " nautilus:history status had shown written (committed, not yet in H2's file); caught up again");
        }
        System.out.println("kill -9 test ran " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
    }

    private static void compare(JournalFills.Replayed journal, StoreFills store, Map<String, String> caughtUp) {
        List<Fill> expected = journal.fills().stream().filter(f -> f.coreSeq() <= store.writtenSeq()).toList();
        long journalTail = journal.fills().size() - expected.size();
        Map<List<Long>, Fill> byKey = new HashMap<>();
        for (Fill f : expected) {
            assertThat(byKey.put(List.of(f.coreSeq(), f.execId()), f)).as("journal fill key %s", f).isNull();
        }
        Set<Long> execIds = new HashSet<>();
        int duplicated = 0;
        int extra = 0;
        int differing = 0;
        Set<List<Long>> found = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Fill f : store.fills()) {
            List<Long> key = List.of(f.coreSeq(), f.execId());
            if (!execIds.add(f.execId()) || !found.add(key)) {
                duplicated++;
                problems.add("duplicate " + f);
                continue;
            }
            Fill want = byKey.get(key);
            if (want == null) {
                extra++;
                problems.add("not in the journal " + f);
            } else if (!want.equals(f)) {
                differing++;
                problems.add("differs: store " + f + " journal " + want);
            }
        }
        long lost = expected.stream().filter(f -> !found.contains(List.of(f.coreSeq(), f.execId()))).count();
        expected.stream().filter(f -> !found.contains(List.of(f.coreSeq(), f.execId()))).limit(10)
                .forEach(f -> problems.add("lost " + f));
        long burstFills = store.fills().stream().filter(f -> f.instrument().equals("SIM-ACME")).count();
        System.out.println("history after kill -9: journal fills " + expected.size() + ", store fills "
                + store.fills().size() + ", lost " + lost + ", duplicated " + duplicated + " (not in the journal "
                + extra + ", differing " + differing + "; SIM-ACME burst fills " + burstFills + "; store written"
                + " up to seq " + store.writtenSeq() + ", journal ends at seq " + journal.lastSeq() + " with "
                + journalTail + " fills after the written seq; status when caught up: " + caughtUp + ")");
        problems.stream().limit(20).forEach(System.out::println);
        assertThat(burstFills).as("fills of the burst").isGreaterThanOrEqualTo(4_000);
        assertThat(lost).as("fills lost").isZero();
        assertThat(duplicated).as("fills duplicated").isZero();
        assertThat(extra).as("store fills the journal does not hold").isZero();
        assertThat(differing).as("store fills whose content differs from the journal's").isZero();
        assertThat(store.fills()).hasSameSizeAs(expected);

        List<List<Long>> reports = journal.reports().stream().filter(k -> k.get(0) <= store.writtenSeq()).toList();
        Set<List<Long>> stored = new HashSet<>(store.orderKeys());
        Set<List<Long>> journaled = new HashSet<>(reports);
        long reportsLost = reports.stream().filter(k -> !stored.contains(k)).count();
        long reportsExtra = store.orderKeys().size() - stored.size()
                + stored.stream().filter(k -> !journaled.contains(k)).count();
        System.out.println("order events after kill -9: journal reports " + reports.size() + ", store rows "
                + store.orderKeys().size() + ", lost " + reportsLost + ", duplicated or extra " + reportsExtra);
        assertThat(reportsLost).as("execution reports missing from orders").isZero();
        assertThat(reportsExtra).as("orders rows duplicated or not in the journal").isZero();
    }

    /**
     * The {@code fills} table, the (core seq, exec id) keys of the {@code orders} table and the written seq of a
     * stopped platform's embedded database.
     */
    private record StoreFills(List<Fill> fills, List<List<Long>> orderKeys, long writtenSeq) {
    }

    private static StoreFills storeFills(Path folder) throws Exception {
        List<Fill> fills = new ArrayList<>();
        List<List<Long>> orderKeys = new ArrayList<>();
        long written;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("history"), "nautilus", "");
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT core_seq FROM store_progress WHERE stream = 'core-results'")) {
                assertThat(rs.next()).as("the store's progress row").isTrue();
                written = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT core_seq, exec_id, order_id, client_order_id, account,"
                    + " strategy, instrument, side, price, qty, price_scale, qty_scale, liquidity, venue,"
                    + " fill_time_nanos FROM fills ORDER BY core_seq, exec_id")) {
                while (rs.next()) {
                    fills.add(new Fill(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                            integer(rs, 11), integer(rs, 12), rs.getString(13), rs.getString(14), rs.getLong(15)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT core_seq, exec_id FROM orders ORDER BY core_seq, exec_id")) {
                while (rs.next()) {
                    orderKeys.add(List.of(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        return new StoreFills(fills, orderKeys, written);
    }

    private static Integer integer(ResultSet rs, int column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * A burst script: rounds of {@value #LOT_ORDERS} one-lot orders resting on one side, swept by one order of the
     * other desk; the maker buys and sells in turn, so that the desks' positions stay flat.
     *
     * @param basePrice the lowest resting price, in cents
     */
    private static void writeBurst(String file, String maker, String taker, int basePrice) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            boolean sell = round % 2 == 0;
            for (int i = 0; i < LOT_ORDERS; i++) {
                int cents = sell ? basePrice + i : basePrice + LOT_ORDERS - 1 - i;
                s.append("nautilus:submit ").append(maker).append(" SIM-ACME ").append(sell ? "SELL" : "BUY")
                        .append(" 1 ").append(price(cents)).append('\n');
            }
            s.append("nautilus:submit ").append(taker).append(" SIM-ACME ").append(sell ? "BUY " : "SELL ")
                    .append(LOT_ORDERS).append(' ').append(price(sell ? basePrice + LOT_ORDERS - 1 : basePrice))
                    .append('\n');
        }
        assertThat(s.length()).as("script size under bin/client's limit").isLessThan(261_120);
        Files.writeString(home.resolve(file), s);
    }

    private static String price(int cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    private static Process startClient(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "bin/client -a " + dist.sshPort
                + " -u admin -p \"$0\" -r 3 -d 2 -b < " + script, PASSWORD).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve(script + ".out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("NAUTILUS_ADMIN_PASSWORD");
        return pb.start();
    }

    /** {@code nautilus:history status} as name → value. */
    private static Map<String, String> status() throws Exception {
        Result r = client("nautilus:history status");
        assertThat(r.exit()).as(r.output()).isZero();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : r.output().split("\\R")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                values.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
            }
        }
        assertThat(values).as(r.output()).containsKeys("Rows written", "Core seq", "Written seq");
        return values;
    }

    private static void startAndAwaitReady() throws Exception {
        Result start = dist.run(Map.of("NAUTILUS_ADMIN_PASSWORD", PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(start.exit()).as(start.output()).isZero();
        dist.awaitSshPort();
        await().atMost(UnpackedDistribution.BOOT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(client("nautilus:status").output()).contains("Platform: READY"));
    }

    private static Result client(String command) throws Exception {
        return dist.run(Map.of(), Duration.ofSeconds(60), "sh", "-c",
                "printf '%s\\n' \"$0\" | bin/client -a " + dist.sshPort + " -u admin -p \"$1\" -r 3 -d 2 -b",
                command, PASSWORD);
    }

    private static Result clientScript(String file, Duration timeout) throws Exception {
        return dist.run(Map.of(), timeout, "sh", "-c",
                "bin/client -a " + dist.sshPort + " -u admin -p \"$0\" -r 3 -d 2 -b < " + file, PASSWORD);
    }
}
