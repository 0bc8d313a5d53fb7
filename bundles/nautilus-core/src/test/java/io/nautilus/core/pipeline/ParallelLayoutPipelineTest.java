package io.nautilus.core.pipeline;

/** {@link CorePipelineTest} with the {@link PipelineLayout#PARALLEL} layout. */
class ParallelLayoutPipelineTest extends CorePipelineTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.PARALLEL;
    }
}
