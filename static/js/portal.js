// Scripts run (the Content-Security-Policy allows no inline script): menus may collapse.
document.documentElement.classList.add("js");
// The phone menu, the error summary and the file-size check before upload. Everything works
// without this file; it only spares a round trip or a scroll.
(function () {
  "use strict";

  function menu() {
    var button = document.querySelector(".menu-toggle");
    if (!button) return;
    button.addEventListener("click", function () {
      var bar = button.closest(".topbar");
      var open = bar.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function errorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1).replace(/\.0$/, "");
  }

  // <input type="file" data-max-bytes="…">: refuse a file over the limit before it uploads.
  function tooLarge(input) {
    var limit = Number(input.dataset.maxBytes);
    var big = Array.prototype.filter.call(input.files || [], function (f) { return f.size > limit; });
    return big.map(function (f) {
      return "ไฟล์ “" + f.name + "” ใหญ่เกิน " + megabytes(limit) + " MB (" + megabytes(f.size) +
        " MB) กรุณาย่อขนาดหรือแยกไฟล์ก่อนอัปโหลด";
    });
  }

  function showFileProblems(input, problems) {
    var list = input.parentNode.querySelector(".errorlist.client");
    if (!list) {
      list = document.createElement("ul");
      list.className = "errorlist client";
      list.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", list);
    }
    list.innerHTML = "";
    problems.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    input.setCustomValidity(problems.join(" "));
  }

  function fileLimits() {
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
      input.addEventListener("change", function () { showFileProblems(input, tooLarge(input)); });
      input.form.addEventListener("submit", function (event) {
        var problems = tooLarge(input);
        showFileProblems(input, problems);
        if (problems.length) {
          event.preventDefault();
          input.focus();
        }
      });
    });
  }

  // <form data-confirm="what will happen" [data-confirm-status="cancelled"]>: an
  // irreversible action asks first (only for that status, when one is named).
  function confirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var only = form.dataset.confirmStatus;
        var status = form.querySelector("[name=status]");
        if (only && (!status || status.value !== only)) return;
        if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      });
    });
  }

  // <form data-unsaved="what would be lost">: after typing in it, sending another form of the
  // page (or leaving the page) asks first: the page that answers would not carry what was typed.
  function unsavedGuards() {
    document.querySelectorAll("form[data-unsaved]").forEach(function (guarded) {
      var dirty = false;
      document.addEventListener("input", function (event) {
        if (event.target.form === guarded) dirty = true;
      });
      document.querySelectorAll("form").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          if (form === guarded || !dirty) { dirty = false; return; }
          if (window.confirm(guarded.dataset.unsaved)) dirty = false;
          else event.preventDefault();
        });
      });
      window.addEventListener("beforeunload", function (event) {
        if (dirty) event.preventDefault();
      });
    });
  }

  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (c) {
      return c.indexOf(name + "=") === 0;
    })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  // <a href="…" data-post>: an action a page offers beside its content (sign out, a list's PDF,
  // reading an agency, checking links, starting an OIT item; ARCHITECTURE.md lists them). It
  // posts at once with the CSRF cookie, the link's query as the form's
  // fields, so the page itself needs no token (ita_portal/confirm.py); without the cookie the
  // link opens its page, whose form asks.
  function postLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-post]");
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey ||
          event.metaKey || event.shiftKey || event.altKey) return;
      var token = cookie("csrftoken");
      if (!token) return;
      event.preventDefault();
      var url = new URL(link.href);
      var form = document.createElement("form");
      form.method = "post";
      form.action = url.pathname;
      function field(value, name) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      url.searchParams.forEach(function (value, name) {
        if (name !== "csrfmiddlewaretoken") field(value, name);
      });
      field(token, "csrfmiddlewaretoken");
      document.body.appendChild(form);
      form.submit();
    });
  }

  // The counts are written in Thai digits, like every number on the page.
  var THAI = "๐๑๒๓๔๕๖๗๘๙";
  function thaiDigits(number) {
    return String(number).replace(/[0-9]/g, function (d) { return THAI[Number(d)]; });
  }
  function fromThaiDigits(text) {
    return Number(text.replace(/[๐-๙]/g, function (d) { return String(THAI.indexOf(d)); }));
  }

  // An import's preview: unticking a row updates "จะนำเข้า" (new / change / same per kind).
  function importCounts() {
    var list = document.getElementById("counts");
    if (!list) return;
    var boxes = document.querySelectorAll("input[name=row][data-status]");
    function recount() {
      list.querySelectorAll("li[data-kind] span[data-status]").forEach(function (span) {
        span.textContent = "๐";
      });
      boxes.forEach(function (box) {
        if (!box.checked) return;
        var kind = box.value.split(":")[0];
        var span = list.querySelector('li[data-kind="' + kind + '"] span[data-status="' +
                                      box.dataset.status + '"]');
        if (span) span.textContent = thaiDigits(fromThaiDigits(span.textContent) + 1);
      });
    }
    boxes.forEach(function (box) { box.addEventListener("change", recount); });
  }

  // The browser's date picker writes Gregorian dates; under each one the chosen day is also
  // written as officials write it: "๑ ธันวาคม ๒๕๖๙" (Buddhist Era, Thai digits).
  var BE_DATE = new Intl.DateTimeFormat("th-TH-u-ca-buddhist-nu-thai",
                                        {day: "numeric", month: "long", year: "numeric"});
  function buddhistDates() {
    document.querySelectorAll('input[type="date"]').forEach(function (input) {
      var note = document.createElement("span");
      note.className = "be-date muted";
      note.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", note);
      function show() {
        var parts = (input.value || "").split("-");
        note.textContent = parts.length === 3 ? "พ.ศ.: " + BE_DATE.format(
          new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]))) : "";
      }
      input.addEventListener("input", show);
      input.addEventListener("change", show);
      show();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    postLinks();
    buddhistDates();
    importCounts();
    confirmations();
    unsavedGuards();
    menu();
    errorSummary();
    fileLimits();
  });
})();
