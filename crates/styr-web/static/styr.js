// styr: small progressive enhancement. Every page works without it; with it, the operating
// budget's totals follow as people type, and a cell is saved when they leave it.
"use strict";

(function () {
  function cellsOf(form) {
    return Array.from(form.querySelectorAll("input[data-line]")).map(function (input) {
      return { line: input.dataset.line, year: Number(input.dataset.year), amount: input.value };
    });
  }

  function showTable(form, table) {
    table.rows.forEach(function (row) {
      row.values.forEach(function (value) {
        var cell = form.querySelector('[data-cell="' + row.key + ":" + value.year + '"]');
        if (cell) cell.textContent = value.tkr;
      });
      if (row.change !== undefined) {
        var change = form.querySelector('[data-change="' + row.key + '"]');
        if (change) change.textContent = row.change;
      }
    });
    (table.changes || []).forEach(function (change) {
      var sentence = form.querySelector('[data-sentence="' + change.line + '"]');
      if (sentence) sentence.textContent = change.sentence;
    });
    var revision = form.querySelector('input[name="revision"]');
    if (revision && table.revision !== undefined) revision.value = table.revision;
  }

  function showFieldError(input, message) {
    var note = document.getElementById(input.id + "-error");
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (note) note.textContent = message || "";
  }

  function say(form, message, isError) {
    var status = form.querySelector(".status");
    if (!status) return;
    status.textContent = message;
    status.classList.toggle("error", !!isError);
  }

  // The session's CSRF token, which every state-changing request must carry.
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrfToken(),
      },
      body: JSON.stringify(body),
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (json) {
        return { ok: response.ok, status: response.status, json: json };
      });
    });
  }

  function base(form) {
    return "/api/v1/budgets/" + form.dataset.budget + "/operating/" + encodeURIComponent(form.dataset.unit);
  }

  function preview(form) {
    request("POST", base(form) + "/preview", { cells: cellsOf(form) }).then(function (answer) {
      form.querySelectorAll("input[data-line]").forEach(function (input) { showFieldError(input, ""); });
      if (answer.ok) {
        showTable(form, answer.json);
      } else if (answer.json.fields) {
        Object.keys(answer.json.fields).forEach(function (key) {
          var input = form.querySelector('input[data-key="' + key + '"]');
          if (input) showFieldError(input, answer.json.fields[key]);
        });
      }
    });
  }

  // The version a cell was read at travels with its save; someone else's change in between
  // is answered 409 "stale" with the value now, and what this person typed stays in the field.
  function setVersion(input, version) {
    input.dataset.version = version;
    var hidden = input.parentNode.querySelector('input[type="hidden"][name="version:' + input.dataset.key + '"]');
    if (hidden) hidden.value = version;
  }

  function savedVersion(json, input) {
    var found = null;
    (json.rows || []).forEach(function (row) {
      if (row.key !== input.dataset.line) return;
      row.values.forEach(function (value) {
        if (String(value.year) === input.dataset.year) found = String(value.ore);
      });
    });
    return found;
  }

  function saveCell(form, input) {
    var url = base(form) + "/lines/" + input.dataset.line + "/" + input.dataset.year;
    request("PUT", url, { amount: input.value, version: input.dataset.version }).then(function (answer) {
      if (answer.ok) {
        showFieldError(input, "");
        var version = savedVersion(answer.json, input);
        if (version !== null) setVersion(input, version);
        showTable(form, answer.json);
        say(form, "Sparat: " + input.getAttribute("aria-label") + ".", false);
      } else {
        if (answer.json.error === "stale" && answer.json.fields) {
          // Saving again replaces the other person's value, knowingly.
          setVersion(input, answer.json.fields.version);
        }
        showFieldError(input, answer.json.message);
        say(form, answer.json.message, true);
      }
    });
  }

  function saveExplanation(form, textarea) {
    var url = base(form) + "/explanations/" + textarea.dataset.explanation;
    request("PUT", url, { text: textarea.value, version: textarea.dataset.version || undefined }).then(function (answer) {
      if (answer.ok) {
        // The explanation's new version is known only to the server: read the page anew
        // before the next edit of this text, or save it as the page was read.
        textarea.dataset.version = "";
      } else if (answer.json.error === "stale" && answer.json.fields) {
        textarea.dataset.version = answer.json.fields.version;
      }
      say(form, answer.ok ? "Förklaringen är sparad." : answer.json.message, !answer.ok);
    });
  }

  document.querySelectorAll("form[data-operating]").forEach(function (form) {
    var timer;
    form.addEventListener("input", function (event) {
      if (!event.target.matches("input[data-line]")) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { preview(form); }, 200);
    });
    form.addEventListener("change", function (event) {
      if (event.target.matches("input[data-line]")) saveCell(form, event.target);
      if (event.target.matches("textarea[data-explanation]")) saveExplanation(form, event.target);
    });
    form.addEventListener("submit", function (event) {
      // With the script the cells are already saved as people leave them.
      event.preventDefault();
      form.querySelectorAll("input[data-line]").forEach(function (input) { saveCell(form, input); });
    });
  });
})();
