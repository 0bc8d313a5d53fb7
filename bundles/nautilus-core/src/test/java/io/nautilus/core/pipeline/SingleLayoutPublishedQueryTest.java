package io.nautilus.core.pipeline;

/** {@link PublishedQueryTest} with the {@link PipelineLayout#SINGLE} layout. */
class SingleLayoutPublishedQueryTest extends PublishedQueryTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.SINGLE;
    }
}
