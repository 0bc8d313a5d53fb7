package io.nautilus.core.matching;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages the core bundle exports as the matching library ({@code io.nautilus.core},
 * {@code io.nautilus.core.matching}) show only JDK, {@code io.nautilus.api*} and their own types in their public
 * signatures: the Agrona and Disruptor copies the bundle embeds are private to it, so an importer could not resolve
 * a signature naming them.
 */
class ExportedApiTest {

    private static final List<String> EXPORTED = List.of("io.nautilus.core", "io.nautilus.core.matching");

    @Test
    void exportedSignaturesNameNoEmbeddedLibraryType() throws Exception {
        List<String> leaks = new ArrayList<>();
        int publicTypes = 0;
        for (String pkg : EXPORTED) {
            for (Class<?> type : classesOf(pkg)) {
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                publicTypes++;
                check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
                for (Type t : type.getGenericInterfaces()) {
                    check(type.getName() + " implements", t, leaks);
                }
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f.getModifiers())) {
                        check(type.getName() + "." + f.getName(), f.getGenericType(), leaks);
                    }
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (visible(m.getModifiers())) {
                        checkExecutable(type.getName() + "." + m.getName(), m, leaks);
                        check(type.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), leaks);
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (visible(c.getModifiers())) {
                        checkExecutable(type.getName() + ".<init>", c, leaks);
                    }
                }
            }
        }
        assertThat(publicTypes).as("public types found in the exported packages").isGreaterThan(5);
        assertThat(leaks).as("exported signatures naming an embedded library's type").isEmpty();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkExecutable(String where, Executable e, List<String> leaks) {
        for (Type t : e.getGenericParameterTypes()) {
            check(where + " parameter", t, leaks);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(where + " throws", t, leaks);
        }
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type == null) {
            return;
        }
        String name = type.getTypeName();
        if (name.contains("org.agrona.") || name.contains("com.lmax.")) {
            leaks.add(where + ": " + name);
        }
    }

    private static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException,
            ClassNotFoundException {
        URL url = ExportedApiTest.class.getClassLoader().getResource(pkg.replace('.', '/') + "/MatchingEngine.class");
        if (url == null) {
            url = ExportedApiTest.class.getClassLoader().getResource(pkg.replace('.', '/') + "/Command.class");
        }
        assertThat(url).as("class folder of " + pkg).isNotNull();
        Path dir = Path.of(url.toURI()).getParent();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    classes.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()),
                            false, ExportedApiTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
