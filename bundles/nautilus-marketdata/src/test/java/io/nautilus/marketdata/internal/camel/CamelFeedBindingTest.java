package io.nautilus.marketdata.internal.camel;

import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CamelFeedBindingTest {

    @Test
    void componentsFollowTheContextAndTicksFollowTheBoundEngine() throws Exception {
        CamelFeedBinding binding = new CamelFeedBinding();
        try (CamelContext context = new DefaultCamelContext();
             MarketDataEngine engine = new MarketDataEngine(List.of(CamelFixture.BTC), MarketDataConfig.defaults())) {
            context.start();
            binding.bindCamelContext(context);
            assertThat(context.hasComponent("nautilus-md")).isInstanceOf(MarketDataComponent.class);
            assertThat(context.hasComponent("nautilus-feed")).isInstanceOf(FeedComponent.class);

            Map<String, Object> trade = Map.of("type", "trade", "instrument", "SIM-BTC", "price", "1", "size", "1");
            try (ProducerTemplate template = context.createProducerTemplate()) {
                template.sendBody("nautilus-md:f", trade); // no engine bound yet: dropped, counted
                binding.bindIngest(engine);
                template.sendBody("nautilus-md:f", trade);
                binding.unbindIngest(engine);
                template.sendBody("nautilus-md:f", trade);
            }
            MarketDataEndpoint endpoint = context.getEndpoint("nautilus-md:f", MarketDataEndpoint.class);
            assertThat(endpoint.getBadMessages()).isEqualTo(2);
            engine.awaitProcessed(10_000);
            assertThat(engine.feedStats()).singleElement().satisfies(s -> assertThat(s.accepted()).isEqualTo(1));

            binding.unbindCamelContext(context);
            assertThat(context.hasComponent("nautilus-md")).isNull();
            assertThat(context.hasComponent("nautilus-feed")).isNull();
        }
    }
}
