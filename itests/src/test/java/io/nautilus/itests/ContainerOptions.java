package io.nautilus.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** The Pax Exam options that boot the built Nautilus distribution; shared by the container tests. */
final class ContainerOptions {

    private ContainerOptions() {
    }

    /**
     * @param sshPort the container's SSH port (each test class its own)
     * @return the options
     */
    static Option[] distribution(String sshPort) {
        // the archive this build just made (not a copy in the local repository, which `mvn verify` does not update)
        String distribution = new File(System.getProperty("nautilus.distribution")).toURI().toString();
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution).name("Nautilus")
                    .karafVersion(System.getProperty("karaf.version")).unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            systemTimeout(180_000),
            // the distribution resolves from system/ only; Pax Exam's own bundles come from the local repository
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@snapshots@id=karaf.system,file:" + localRepo
                            + "@snapshots@id=local"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepo),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
            // the tests' bounded waits (Await) run inside the container: Awaitility and the Hamcrest it is built on
            mavenBundle("org.hamcrest", "hamcrest", System.getProperty("itest.hamcrest.version")),
            mavenBundle("org.awaitility", "awaitility", System.getProperty("itest.awaitility.version")),
        };
    }
}
