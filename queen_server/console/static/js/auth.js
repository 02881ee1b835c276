// The bearer token and the role it claims. The token lives in sessionStorage (this tab only,
// never in a URL). The role is read from a JWT's payload for display only: which buttons
// to show. The API checks the signature and enforces the role on every call.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});

  const KEY = "queen-console.token";
  // admin ⊃ read-write ⊃ read-only
  const LEVELS = { "read-only": 1, "read-write": 2, admin: 3 };
  // where the token is kept when sessionStorage is disabled: as long as the page
  let memory = "";

  function getToken() {
    try {
      return window.sessionStorage.getItem(KEY) || "";
    } catch (err) {
      return "";
    }
  }

  function setToken(token) {
    const value = String(token || "")
      .trim()
      .replace(/^bearer\s+/i, "");
    try {
      if (value) window.sessionStorage.setItem(KEY, value);
      else window.sessionStorage.removeItem(KEY);
    } catch (err) {
      // storage disabled: the token lasts as long as the page
    }
    memory = value;
  }

  function token() {
    return getToken() || memory;
  }

  function base64UrlDecode(part) {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const padded = b64 + "=".repeat((4 - (b64.length % 4)) % 4);
    const binary = window.atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  /** The payload object of a JWT (header.payload.signature), or null for any other token. */
  function jwtPayload(tokenText) {
    const parts = String(tokenText || "").split(".");
    if (parts.length !== 3 || !parts[1]) return null;
    try {
      const payload = JSON.parse(base64UrlDecode(parts[1]));
      return payload && typeof payload === "object" && !Array.isArray(payload) ? payload : null;
    } catch (err) {
      return null;
    }
  }

  /**
   * What the console knows about a token:
   * {kind: "none"|"opaque"|"jwt", role: "admin"|"read-write"|"read-only"|null, claimed: [...]}
   * The role is the highest recognised value of the `role` (string) and `roles` (array) claims.
   */
  function describe(tokenText) {
    if (!tokenText) return { kind: "none", role: null, claimed: [] };
    const payload = jwtPayload(tokenText);
    if (payload === null) return { kind: "opaque", role: null, claimed: [] };
    const claimed = [];
    if (typeof payload.role === "string") claimed.push(payload.role);
    if (Array.isArray(payload.roles)) {
      payload.roles.forEach((r) => {
        if (typeof r === "string") claimed.push(r);
      });
    }
    let role = null;
    for (const name of claimed) {
      if (LEVELS[name] && (role === null || LEVELS[name] > LEVELS[role])) role = name;
    }
    return { kind: "jwt", role, claimed, subject: typeof payload.sub === "string" ? payload.sub : null };
  }

  /**
   * May this token's holder see the actions that need `level`? Without a token (a server
   * without authentication) and with a token that is not a JWT the console cannot know:
   * it shows the actions and reports the API's 403 if it comes.
   */
  function allows(level, info) {
    const who = info || describe(token());
    if (who.kind !== "jwt") return true;
    return who.role !== null && LEVELS[who.role] >= LEVELS[level];
  }

  QC.auth = {
    KEY,
    token,
    setToken,
    clear: () => setToken(""),
    jwtPayload,
    describe,
    allows,
    canWrite: (info) => allows("read-write", info),
  };
})();
