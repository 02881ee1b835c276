// The Queen API as the console calls it: the public routes only, with the bearer token when
// there is one. Queen servers may answer errors with 200 and an {"error": ...} body, and
// empty results with an empty body; both are handled here once.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});

  const meta = document.querySelector('meta[name="queen-console-api"]');
  const base = ((meta && meta.getAttribute("content")) || "").replace(/\/+$/, "");

  class ApiError extends Error {
    constructor(status, message, body) {
      super(message);
      this.name = "ApiError";
      this.status = status;
      this.body = body;
    }
  }

  class AuthRequired extends ApiError {
    constructor(message, body) {
      super(401, message, body);
      this.name = "AuthRequired";
    }
  }

  /** Where the API is, for messages: the --console-api URL or this page's origin. */
  function where() {
    return base || window.location.origin;
  }

  function url(path, query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query || {})) {
      if (value !== null && value !== undefined) params.set(key, String(value));
    }
    const qs = params.toString();
    return base + path + (qs ? "?" + qs : "");
  }

  function errorText(data) {
    return data && typeof data === "object" && typeof data.error === "string" ? data.error : "";
  }

  /** An error answered with a success status: {"error": ...} or {"success": false, "error": ...}. */
  function isErrorBody(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return false;
    if (typeof data.error !== "string") return false;
    return data.success === false || Object.keys(data).length === 1;
  }

  // set by the page: asks the user for a token; resolves true when one was given
  let askToken = null;

  async function call(method, path, options) {
    const opts = options || {};
    const label = method + " " + path;
    for (;;) {
      const headers = { Accept: "application/json" };
      const token = QC.auth.token();
      if (token) headers.Authorization = "Bearer " + token;
      let body;
      if (opts.body !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(opts.body);
      }
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), opts.timeoutMs || 20000);
      let response;
      let raw;
      try {
        response = await fetch(url(path, opts.query), {
          method,
          headers,
          body,
          credentials: "omit",
          cache: "no-store",
          referrerPolicy: "no-referrer",
          signal: controller.signal,
        });
        raw = await response.text();
      } catch (err) {
        const why =
          err && err.name === "AbortError"
            ? "no answer within " + Math.round((opts.timeoutMs || 20000) / 1000) + " s"
            : "network error, connection closed by the server, or refused by CORS";
        throw new ApiError(0, label + ": no answer from " + where() + " (" + why + ")");
      } finally {
        window.clearTimeout(timer);
      }
      let data = null;
      let parsed = true;
      if (raw.trim() !== "") {
        try {
          data = JSON.parse(raw);
        } catch (err) {
          parsed = false;
        }
      }
      if (response.status === 401) {
        const reason = errorText(data) || "Authentication required";
        if (opts.prompt !== false && askToken !== null && (await askToken(reason))) continue;
        throw new AuthRequired(label + ": 401 " + reason, data);
      }
      if (response.status === 403) {
        const reason = errorText(data) || "Insufficient permissions";
        throw new ApiError(
          403,
          label + ": 403 " + reason + " — the token's role does not allow this",
          data
        );
      }
      if (!parsed) {
        const what =
          response.status === 404
            ? "this server has no such route (404)"
            : "answered " + response.status + " with a body that is not JSON";
        throw new ApiError(response.status, label + ": " + what);
      }
      if (response.status >= 400) {
        const reason = errorText(data) || response.statusText || "error";
        throw new ApiError(response.status, label + ": " + response.status + " " + reason, data);
      }
      if (isErrorBody(data)) throw new ApiError(response.status, label + ": " + data.error, data);
      return data;
    }
  }

  QC.api = {
    base,
    where,
    url,
    ApiError,
    AuthRequired,
    isErrorBody,
    setTokenPrompt: (fn) => {
      askToken = fn;
    },
    get: (path, query, opts) => call("GET", path, Object.assign({ query }, opts)),
    post: (path, body, opts) => call("POST", path, Object.assign({ body }, opts)),
    del: (path, query, opts) => call("DELETE", path, Object.assign({ query }, opts)),
    call,
  };
})();
