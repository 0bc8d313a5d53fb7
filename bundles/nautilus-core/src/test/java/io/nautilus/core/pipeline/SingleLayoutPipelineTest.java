package io.nautilus.core.pipeline;

/** {@link CorePipelineTest} with the {@link PipelineLayout#SINGLE} layout. */
class SingleLayoutPipelineTest extends CorePipelineTest {

    @Override
    PipelineLayout layout() {
        return PipelineLayout.SINGLE;
    }
}
