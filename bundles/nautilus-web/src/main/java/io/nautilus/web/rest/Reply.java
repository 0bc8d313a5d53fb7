package io.nautilus.web.rest;

/**
 * An answer other than 200 with a JSON body.
 *
 * @param status   the HTTP status, e.g. 201 or 202
 * @param location the created resource's path for the {@code Location} header, or null
 * @param body     the JSON body
 */
record Reply(int status, String location, Object body) {
}
