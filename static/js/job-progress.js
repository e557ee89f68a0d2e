// Poll every background-job box on the page (templates/jobs/_progress.html) until it finishes.
// The JSON is ita_portal.jobs.status(): state, step, percent, finished, error (+ file, detail).
(function () {
  function show(box, selector, text) {
    var el = box.querySelector(selector);
    if (el && text !== undefined && text !== null) { el.textContent = text; }
  }
  function poll(box) {
    fetch(box.dataset.jobUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        show(box, "[data-job-step]", s.step);
        show(box, "[data-job-detail]", s.detail);
        box.querySelector("[data-job-bar]").style.width = s.percent + "%";
        if (!s.finished) { setTimeout(function () { poll(box); }, 1000); return; }
        if (s.state === "failed") { show(box, "[data-job-state]", s.error); return; }
        show(box, "[data-job-state]", box.dataset.doneText || "เสร็จแล้ว");
        var link = document.querySelector("[data-job-file]");
        if (link && s.file) { link.href = s.file; link.hidden = false; }
        if (box.dataset.doneUrl) { window.location.href = box.dataset.doneUrl; }
      })
      .catch(function () { setTimeout(function () { poll(box); }, 3000); });
  }
  // Asked once even when the page was drawn finished: it then offers the file or moves on.
  document.querySelectorAll("[data-job-url]").forEach(poll);
})();
