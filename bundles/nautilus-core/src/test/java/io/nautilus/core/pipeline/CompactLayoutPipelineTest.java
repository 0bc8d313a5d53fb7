package io.nautilus.core.pipeline;

/** {@link CorePipelineTest} with the {@link PipelineLayout#COMPACT} layout. */
class CompactLayoutPipelineTest extends CorePipelineTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.COMPACT;
    }
}
