/**
 * JSON for the platform's Camel components: {@link io.nautilus.camel.json.Json}.
 */
package io.nautilus.camel.json;
