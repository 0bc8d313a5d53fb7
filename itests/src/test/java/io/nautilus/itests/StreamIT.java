package io.nautilus.itests;

import io.nautilus.core.api.TradingCoreService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import javax.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

/**
 * The WebSocket streams in the running platform: the admin logs in, opens {@code /api/v1/stream} with the session
 * cookie, subscribes to execution reports, submits and cancels an order through the REST API and sees both reports
 * arrive as frames; a second connection resuming with {@code from = 0} gets the same frames again from the replay.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StreamIT {

    private static final String ADMIN_PASSWORD = "itest-Secret-42";
    private static final int PORT = 18481;
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":([0-9]+)");

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    private final WebApi web = new WebApi(PORT);

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18109");
        Option[] options = Arrays.copyOf(base, base.length + 1);
        options[base.length] = editConfigurationFilePut("etc/io.nautilus.web.cfg", "port", Integer.toString(PORT));
        return options;
    }

    @Test
    public void executionReportsOfARestOrderArriveOnTheStreamAndReplayWithFrom() throws Exception {
        web.awaitReady();
        WebApi.Login admin = web.login("admin", ADMIN_PASSWORD);
        String cookie = admin.cookie();

        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = open(cookie, frames);
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"executions\"}", true).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"quotes:SIM-ACME\"}", true).get(10, TimeUnit.SECONDS);
        await(frames, f -> f.startsWith("{\"op\":\"subscribed\",\"topic\":\"quotes:SIM-ACME\""), "subscribed");

        HttpResponse<String> submitted = web.send("POST", "/api/v1/orders", "{\"account\":\"desk-1\",\"instrument\":"
                + "\"SIM-ACME\",\"side\":\"BUY\",\"price\":\"90.00\",\"quantity\":\"1\"}", cookie, admin.csrf());
        assertEquals(submitted.body(), 201, submitted.statusCode());
        Matcher id = ORDER_ID.matcher(submitted.body());
        assertTrue(submitted.body(), id.find());
        String orderId = "\"orderId\":" + id.group(1) + ",";
        String accepted = await(frames, f -> f.startsWith("{\"topic\":\"executions\"") && f.contains(orderId)
                && f.contains("\"execType\":\"NEW\""), "the NEW report of the order");
        assertTrue(accepted, accepted.contains("\"instrument\":\"SIM-ACME\"") && accepted.contains("\"side\":\"BUY\""));

        HttpResponse<String> canceled = web.send("DELETE", "/api/v1/orders/" + id.group(1), null, cookie, admin.csrf());
        assertEquals(canceled.body(), 200, canceled.statusCode());
        await(frames, f -> f.startsWith("{\"topic\":\"executions\"") && f.contains(orderId)
                && f.contains("\"execType\":\"CANCELED\""), "the CANCELED report of the order");

        List<String> resumed = new CopyOnWriteArrayList<>();
        WebSocket again = open(cookie, resumed);
        again.sendText("{\"op\":\"subscribe\",\"topic\":\"executions\",\"from\":0}", true).get(10, TimeUnit.SECONDS);
        await(resumed, f -> f.startsWith("{\"topic\":\"executions\"") && f.contains(orderId)
                && f.contains("\"execType\":\"CANCELED\""), "the replayed CANCELED report");
        assertTrue(core.order(Long.parseLong(id.group(1))).isEmpty());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        again.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    private WebSocket open(String cookie, List<String> frames) throws Exception {
        return web.http().newWebSocketBuilder().header("Cookie", cookie).header("Origin", web.base())
                .buildAsync(URI.create("ws://127.0.0.1:" + PORT + "/api/v1/stream"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
    }

    private static String await(List<String> frames, Predicate<String> wanted, String what) {
        return Await.value(() -> frames.stream().filter(wanted).findFirst().orElse(null), 30_000,
                () -> "a frame with " + what + "; got " + frames);
    }
}
