package io.nautilus.web.rest;

/**
 * A request the API answers with an RFC 9457 problem: the status, a stable title and the one-line reason (the same
 * text the shell prints).
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    ApiException(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    static ApiException unavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
