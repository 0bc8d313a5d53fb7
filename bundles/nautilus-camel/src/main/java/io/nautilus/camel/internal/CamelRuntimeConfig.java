package io.nautilus.camel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the platform's Camel runtime (PID {@code io.nautilus.camel}).
 */
@ObjectClassDefinition(name = "Nautilus Camel runtime",
        description = "The platform's shared CamelContext and the folder of hot-loaded YAML route files.")
@interface CamelRuntimeConfig {

    /**
     * The name of the CamelContext, also published as the service property {@code camel.context.name}.
     *
     * @return the context name
     */
    @AttributeDefinition(name = "Context name",
            description = "Name of the shared CamelContext; published as service property camel.context.name.")
    String contextName() default "nautilus";

    /**
     * The folder watched for YAML route files; {@code ${karaf.base}} is replaced by the Karaf base folder and a
     * relative path is taken from it.
     *
     * @return the route folder
     */
    @AttributeDefinition(name = "Route directory",
            description = "Folder watched for *.yaml / *.yml route files. ${karaf.base} is replaced by the "
                    + "Karaf base folder; a relative path is resolved against it.")
    String routeDirectory() default "${karaf.base}/camel-routes";

    /**
     * How long a route file must stay unchanged before it is (re)loaded, so a half-written file is not loaded.
     *
     * @return quiet period in milliseconds, 0 to 1500
     */
    @AttributeDefinition(name = "Debounce (ms)", min = "0", max = "1500",
            description = "Quiet period after the last change of a route file before it is (re)loaded.")
    long debounceMillis() default RouteFileWatcher.DEFAULT_DEBOUNCE_MILLIS;
}
