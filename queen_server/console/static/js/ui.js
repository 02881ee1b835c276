// Shared page parts: the confirmation and token dialogs, status and error announcements,
// live regions that keep focus and typed values across refreshes, and guarded actions.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h } = QC.dom;

  function byId(id) {
    return document.getElementById(id);
  }

  /** Tell screen readers (and everyone) what happened: a polite status line. */
  function announce(message) {
    const el = byId("announce");
    el.textContent = "";
    // a changed text is announced even when the same message comes twice
    window.setTimeout(() => {
      el.textContent = message;
    }, 30);
  }

  function showError(message) {
    const el = byId("alert");
    QC.dom.fill(el,
      h("span", null, h("strong", null, "Error: "), message),
      h(
        "button",
        { type: "button", class: "link-button", onclick: () => clearError() },
        "Dismiss"
      )
    );
    el.hidden = false;
  }

  function clearError() {
    const el = byId("alert");
    el.hidden = true;
    QC.dom.fill(el);
  }

  /** A message for an error thrown while loading or acting. */
  function describeError(err) {
    if (err instanceof QC.api.AuthRequired) {
      return err.message + ". Give a token (the Sign in button) to see this.";
    }
    if (err instanceof QC.api.ApiError && err.status === 403) {
      const who = QC.auth.describe(QC.auth.token());
      const role =
        who.kind === "jwt"
          ? " Your token claims the role " + (who.role || "(none recognised)") + "."
          : who.kind === "opaque"
            ? " Your token is not a JWT, so the console cannot tell its role."
            : "";
      return err.message + "." + role;
    }
    return err && err.message ? err.message : String(err);
  }

  // -- dialogs ------------------------------------------------------------------------

  let dialogOpen = false;

  /** Ask before a destructive action; resolves true only when the user confirms. */
  function confirm(title, body, confirmLabel) {
    const dialog = byId("confirm-dialog");
    byId("confirm-title").textContent = title;
    byId("confirm-body").textContent = body;
    byId("confirm-ok").textContent = confirmLabel;
    const opener = document.activeElement;
    return new Promise((resolve) => {
      const form = byId("confirm-form");
      const cancel = byId("confirm-cancel");
      function finish(ok) {
        form.removeEventListener("submit", onSubmit);
        cancel.removeEventListener("click", onCancel);
        dialog.removeEventListener("cancel", onCancel);
        if (dialog.open) dialog.close();
        dialogOpen = false;
        if (opener && opener.isConnected) opener.focus();
        resolve(ok);
      }
      function onSubmit(event) {
        event.preventDefault();
        finish(true);
      }
      function onCancel(event) {
        event.preventDefault();
        finish(false);
      }
      form.addEventListener("submit", onSubmit);
      cancel.addEventListener("click", onCancel);
      dialog.addEventListener("cancel", onCancel);
      dialogOpen = true;
      dialog.showModal();
      // the safe choice has the focus: Enter does not destroy anything by accident
      cancel.focus();
    });
  }

  let pendingToken = null;
  // after the user cancelled, live refreshes do not ask again (the Sign in button does)
  let declined = false;

  /**
   * Ask for a bearer token (after a 401). Concurrent 401s share one dialog; once cancelled,
   * only `force` (the Sign in button) opens it again.
   */
  function askToken(reason, force) {
    if (pendingToken) return pendingToken;
    if (declined && !force) return Promise.resolve(false);
    const dialog = byId("token-dialog");
    const form = byId("token-form");
    const input = byId("token-input");
    const cancel = byId("token-cancel");
    byId("token-reason").textContent = reason
      ? "The API at " + QC.api.where() + " answered: " + reason + "."
      : "Give the token to send to the API at " + QC.api.where() + ".";
    input.value = "";
    const opener = document.activeElement;
    pendingToken = new Promise((resolve) => {
      function finish(given) {
        form.removeEventListener("submit", onSubmit);
        cancel.removeEventListener("click", onCancel);
        dialog.removeEventListener("cancel", onCancel);
        if (dialog.open) dialog.close();
        dialogOpen = false;
        pendingToken = null;
        input.value = "";
        if (opener && opener.isConnected) opener.focus();
        QC.app.renderSession();
        resolve(given);
      }
      function onSubmit(event) {
        event.preventDefault();
        if (!input.value.trim()) return;
        QC.auth.setToken(input.value);
        declined = false;
        finish(true);
      }
      function onCancel(event) {
        event.preventDefault();
        declined = true;
        finish(false);
      }
      form.addEventListener("submit", onSubmit);
      cancel.addEventListener("click", onCancel);
      dialog.addEventListener("cancel", onCancel);
    });
    dialogOpen = true;
    dialog.showModal();
    input.focus();
    return pendingToken;
  }

  // -- live regions ---------------------------------------------------------------------

  /**
   * Replace a region's content with fresh content, keeping what the user was doing: the
   * focused element and the values typed into fields are found again by their data-key.
   */
  function replaceLive(region, content) {
    const active = document.activeElement;
    const focusKey = active && region.contains(active) ? active.getAttribute("data-key") : null;
    const values = {};
    region.querySelectorAll("[data-key]").forEach((el) => {
      if ("value" in el && el.tagName !== "BUTTON") values[el.getAttribute("data-key")] = el.value;
    });
    QC.dom.fill(region, content);
    region.querySelectorAll("[data-key]").forEach((el) => {
      const key = el.getAttribute("data-key");
      if (key in values && "value" in el && el.tagName !== "BUTTON") el.value = values[key];
    });
    if (focusKey !== null) {
      const again = region.querySelector('[data-key="' + CSS.escape(focusKey) + '"]');
      if (again) again.focus();
    }
  }

  /** A region that shows "Loading…" until its first content, and errors in place. */
  function liveRegion(label) {
    return h("div", { class: "live", "aria-busy": "true", "aria-label": label }, h("p", { class: "muted" }, "Loading…"));
  }

  function setLive(region, content) {
    region.setAttribute("aria-busy", "false");
    replaceLive(region, content);
  }

  function regionError(region, err) {
    region.setAttribute("aria-busy", "false");
    replaceLive(region, h("p", { class: "error-text" }, describeError(err)));
  }

  // -- actions --------------------------------------------------------------------------

  /**
   * A destructive action: confirm, call, announce the outcome, refresh. `run` returns the
   * API's answer; answers with success: false are failures (their message says why).
   */
  async function act(options) {
    const ok = await confirm(options.title, options.body, options.confirmLabel);
    if (!ok) {
      announce("Cancelled: " + options.title);
      return false;
    }
    try {
      const answer = await options.run();
      if (answer && typeof answer === "object" && answer.success === false) {
        throw new Error(options.title + ": " + (answer.message || answer.error || "the server refused"));
      }
      clearError();
      announce(options.done(answer));
      await QC.app.refresh();
      return true;
    } catch (err) {
      let message = describeError(err);
      if (options.unsupported && err instanceof QC.api.ApiError && (err.status === 0 || err.status === 404)) {
        message += ". " + options.unsupported;
      }
      showError(message);
      return false;
    }
  }

  /** A button for an action that needs write access; none for a read-only token. */
  function actionButton(label, key, onclick, extraClass) {
    if (!QC.auth.canWrite()) return null;
    return h("button", { type: "button", class: extraClass || "danger", "data-key": key, onclick }, label);
  }

  QC.ui = {
    announce,
    showError,
    clearError,
    describeError,
    confirm,
    askToken,
    replaceLive,
    liveRegion,
    setLive,
    regionError,
    act,
    actionButton,
    isDialogOpen: () => dialogOpen,
  };
})();
