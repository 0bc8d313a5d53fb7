package io.nautilus.strategy.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventQueueTest {

    @Test
    void aReserveKeepsSlotsFreeForElementsOfferedWithout() {
        EventQueue<Integer> queue = new EventQueue<>(16);
        int droppable = 0;
        while (queue.offer(droppable, 4)) {
            droppable++;
        }
        assertThat(droppable).isEqualTo(12);

        int kept = 0;
        while (queue.offer(100 + kept)) {
            kept++;
        }
        assertThat(kept).isEqualTo(4);
        assertThat(queue.size()).isEqualTo(16);
        for (int i = 0; i < 12; i++) {
            assertThat(queue.poll()).isEqualTo(i);
        }
        assertThat(queue.poll()).isEqualTo(100);
    }
}
