// The browsable API of /api/v1/openapi.yaml. "Try it out" runs as the logged-in user: the session cookie goes with
// every request, and state-changing ones carry the CSRF token of the session (GET /api/v1/me).
window.onload = function () {
  let csrfToken = null;
  fetch("/api/v1/me", {credentials: "same-origin"})
    .then(r => r.ok ? r.json() : {})
    .then(me => { csrfToken = me.csrfToken || null; })
    .catch(() => {});
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    requestInterceptor: request => {
      if (csrfToken && request.method && request.method.toUpperCase() !== "GET") {
        request.headers["X-CSRF-Token"] = csrfToken;
      }
      return request;
    }
  });
};
