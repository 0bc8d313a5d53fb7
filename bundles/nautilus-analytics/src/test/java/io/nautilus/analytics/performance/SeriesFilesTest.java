package io.nautilus.analytics.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.analytics.api.PerformanceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesFilesTest {

    @TempDir
    Path dir;

    @Test
    void equityFileGivesTheReturnsBetweenRows() throws IOException {
        Path file = write("e.csv", "date,equity,note\n2024-01-01,100,x\n2024-01-02,110,y\n2024-01-05,99,z\n");
        PerformanceInput in = SeriesFiles.readEquity(file);
        assertThat(in.dates()).containsExactly(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5));
        assertThat(in.returns()).containsExactly(new double[] {0.1, -0.1}, within(1e-12));
        assertThat(in.startingEquity()).isEqualTo(100.0);
    }

    @Test
    void returnsFileIsReadAsIs() throws IOException {
        PerformanceInput in = SeriesFiles.readReturns(write("r.csv", "date,return\n2024-01-01,0.01\n\n"
                + "2024-01-02,-0.02\n"));
        assertThat(in.returns()).containsExactly(0.01, -0.02);
        assertThat(in.startingEquity()).isNaN();
    }

    @Test
    void eitherKindIsChosenByTheHeader() throws IOException {
        assertThat(SeriesFiles.readEither(write("a.csv", "date,equity\n2024-01-01,1\n2024-01-02,2\n")).returns())
                .containsExactly(1.0);
        assertThat(SeriesFiles.readEither(write("b.csv", "date,return\n2024-01-01,0.5\n")).returns())
                .containsExactly(0.5);
    }

    @Test
    void aNanValueIsAnErrorWithFileAndLine() throws IOException {
        Path file = write("nan.csv", "date,return\n2024-01-01,0.01\n2024-01-02,NaN\n");
        assertThatThrownBy(() -> SeriesFiles.readReturns(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":3: ").hasMessageContaining("not a finite number");
    }

    @Test
    void aBlankValueIsAnErrorWithFileAndLine() throws IOException {
        Path file = write("blank.csv", "date,equity\n2024-01-01,100\n2024-01-02,\n");
        assertThatThrownBy(() -> SeriesFiles.readEquity(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":3: ").hasMessageContaining("not a number");
    }

    @Test
    void theHeaderMustBeExact() throws IOException {
        Path file = write("h.csv", "day,equity\n2024-01-01,100\n");
        assertThatThrownBy(() -> SeriesFiles.readEquity(file)).hasMessageStartingWith(file + ":1: ")
                .hasMessageContaining("date,equity");
        Path returns = write("h2.csv", "date,equity\n2024-01-01,100\n");
        assertThatThrownBy(() -> SeriesFiles.readReturns(returns)).hasMessageContaining("date,return");
    }

    @Test
    void badDatesAreErrorsWithTheLine() throws IOException {
        Path bad = write("d.csv", "date,return\n2024-01-01,0.01\n01/02/2024,0.01\n");
        assertThatThrownBy(() -> SeriesFiles.readReturns(bad)).hasMessageStartingWith(bad + ":3: ")
                .hasMessageContaining("ISO date");
        Path backwards = write("o.csv", "date,return\n2024-01-02,0.01\n2024-01-01,0.01\n");
        assertThatThrownBy(() -> SeriesFiles.readReturns(backwards)).hasMessageStartingWith(backwards + ":3: ")
                .hasMessageContaining("strictly increasing");
    }

    @Test
    void aSingleEquityRowIsAnError() throws IOException {
        Path file = write("one.csv", "date,equity\n2024-01-01,100\n");
        assertThatThrownBy(() -> SeriesFiles.readEquity(file)).hasMessageContaining("at least two rows");
        Path empty = write("empty.csv", "date,return\n");
        assertThatThrownBy(() -> SeriesFiles.readReturns(empty)).hasMessageContaining("no data row");
    }

    @Test
    void aNonPositiveEquityIsAnError() throws IOException {
        Path file = write("neg.csv", "date,equity\n2024-01-01,100\n2024-01-02,0\n");
        assertThatThrownBy(() -> SeriesFiles.readEquity(file)).hasMessageStartingWith(file + ":3: ")
                .hasMessageContaining("positive");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
