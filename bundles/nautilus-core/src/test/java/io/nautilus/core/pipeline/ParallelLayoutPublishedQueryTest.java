package io.nautilus.core.pipeline;

/** {@link PublishedQueryTest} with the {@link PipelineLayout#PARALLEL} layout. */
class ParallelLayoutPublishedQueryTest extends PublishedQueryTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.PARALLEL;
    }
}
