package io.nautilus.history.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A schema one version newer than the code's: {@link SchemaMigrator#CURRENT} plus a migration adding a column. */
public final class NewerSchema {

    /** The column the extra migration adds to {@code fills}. */
    public static final String COLUMN = "later_column";

    private NewerSchema() {
    }

    /**
     * @return a migrator over the current migrations and {@code V<n+1>__later_column.sql}
     */
    public static SchemaMigrator migrator() {
        List<Migration> migrations = new ArrayList<>();
        for (String resource : SchemaMigrator.CURRENT) {
            try (InputStream in = NewerSchema.class.getClassLoader().getResourceAsStream(resource)) {
                migrations.add(Migration.of(resource.substring(resource.lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        migrations.add(Migration.of("V" + (SchemaMigrator.CURRENT.size() + 1) + "__later_column.sql",
                "ALTER TABLE fills ADD COLUMN " + COLUMN + " BIGINT;\n"));
        return new SchemaMigrator(migrations);
    }
}
