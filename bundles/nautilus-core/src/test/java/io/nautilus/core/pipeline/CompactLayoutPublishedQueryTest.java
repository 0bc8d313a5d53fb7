package io.nautilus.core.pipeline;

/** {@link PublishedQueryTest} with the {@link PipelineLayout#COMPACT} layout. */
class CompactLayoutPublishedQueryTest extends PublishedQueryTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.COMPACT;
    }
}
