// styr: small progressive enhancement. Every page works without it; with it, the operating
// budget's totals follow as people type, a changed cell is saved once when they leave it, and
// the button saves only what is still unsaved, saying exactly what it saved. Elsewhere it fills
// a new control activity's description from its risk.
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

  // The status line: green for what was saved, the error style for every refusal.
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

  // A field counts as changed while it differs from what was last saved (or read): its
  // default value, which a successful save moves on.
  function changed(field) {
    return field.value !== field.defaultValue;
  }

  // Saves a field once for what it now holds: a save already under way for the same value
  // is the one answer, so leaving a cell and then pressing the button saves it once.
  function once(field, save) {
    if (field._saving && field._savingValue === field.value) return field._saving;
    field._savingValue = field.value;
    field._saving = save().then(function (result) {
      field._saving = null;
      return result;
    });
    return field._saving;
  }

  function saveCell(form, input) {
    return once(input, function () {
      var url = base(form) + "/lines/" + input.dataset.line + "/" + input.dataset.year;
      var value = input.value;
      return request("PUT", url, { amount: value, version: input.dataset.version }).then(function (answer) {
        var label = input.getAttribute("aria-label");
        if (answer.ok) {
          showFieldError(input, "");
          var version = savedVersion(answer.json, input);
          if (version !== null) setVersion(input, version);
          input.defaultValue = value;
          showTable(form, answer.json);
          return { ok: true, text: label + " (" + value + ")" };
        }
        if (answer.json.error === "stale" && answer.json.fields) {
          // Saving again replaces the other person's value, knowingly.
          setVersion(input, answer.json.fields.version);
        }
        showFieldError(input, answer.json.message);
        return { ok: false, text: label + ": " + answer.json.message };
      }, function () {
        return { ok: false, text: input.getAttribute("aria-label") + ": kunde inte nå servern" };
      });
    });
  }

  function saveExplanation(form, textarea) {
    return once(textarea, function () {
      var url = base(form) + "/explanations/" + textarea.dataset.explanation;
      var value = textarea.value;
      var label = "förklaringen: " + (textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent.replace(/ Förklaring:$/, "") : textarea.dataset.explanation);
      return request("PUT", url, { text: value, version: textarea.dataset.version || undefined }).then(function (answer) {
        if (answer.ok) {
          // The explanation's new version is known only to the server: read the page anew
          // before the next edit of this text, or save it as the page was read.
          textarea.dataset.version = "";
          textarea.defaultValue = value;
          return { ok: true, text: label };
        }
        if (answer.json.error === "stale" && answer.json.fields) {
          textarea.dataset.version = answer.json.fields.version;
        }
        return { ok: false, text: label + " – " + answer.json.message };
      }, function () {
        return { ok: false, text: label + " – kunde inte nå servern" };
      });
    });
  }

  // "Sparat: Övriga kostnader, Budget 2025 (-47 752)." — or every refusal, in the error style.
  function report(form, results) {
    var saved = results.filter(function (result) { return result.ok; }).map(function (result) { return result.text; });
    var refused = results.filter(function (result) { return !result.ok; }).map(function (result) { return result.text; });
    if (refused.length) {
      var text = "Inte sparat: " + refused.join("; ") + ".";
      if (saved.length) text += " Sparat: " + saved.join("; ") + ".";
      say(form, text, true);
    } else if (saved.length) {
      say(form, "Sparat: " + saved.join("; ") + ".", false);
    } else {
      say(form, "Inget att spara: inget värde har ändrats.", false);
    }
  }

  function sequence(tasks) {
    var results = [];
    return tasks.reduce(function (chain, task) {
      return chain.then(function () { return task().then(function (result) { results.push(result); }); });
    }, Promise.resolve()).then(function () { return results; });
  }

  document.querySelectorAll("form[data-operating]").forEach(function (form) {
    var timer;
    form.addEventListener("input", function (event) {
      if (!event.target.matches("input[data-line]")) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { preview(form); }, 200);
    });
    form.addEventListener("change", function (event) {
      var field = event.target;
      if (!changed(field)) return;
      if (field.matches("input[data-line]")) {
        saveCell(form, field).then(function (result) { report(form, [result]); });
      }
      if (field.matches("textarea[data-explanation]")) {
        saveExplanation(form, field).then(function (result) { report(form, [result]); });
      }
    });
    form.addEventListener("submit", function (event) {
      // With the script, the button saves what is still unsaved, each field once.
      event.preventDefault();
      var tasks = [];
      form.querySelectorAll("input[data-line]").forEach(function (input) {
        if (changed(input) || input._saving) tasks.push(function () { return saveCell(form, input); });
      });
      form.querySelectorAll("textarea[data-explanation]").forEach(function (textarea) {
        if (changed(textarea) || textarea._saving) tasks.push(function () { return saveExplanation(form, textarea); });
      });
      sequence(tasks).then(function (results) { report(form, results); });
    });
  });

  // A new control activity describes its risk as the risk analysis does, until someone
  // writes otherwise.
  document.querySelectorAll("select[data-risk-descriptions]").forEach(function (select) {
    var target = document.getElementById(select.dataset.riskDescriptions);
    if (!target) return;
    var filled = target.value;
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (target.value === filled) {
        target.value = option ? option.dataset.description || "" : "";
        filled = target.value;
      }
    });
  });
})();
