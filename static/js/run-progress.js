// Poll a link-check run and show its progress; go back to the checklist when it is done.
(function () {
  var box = document.getElementById("run");
  if (!box) { return; }
  function poll() {
    fetch(box.dataset.statusUrl, {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        document.getElementById("run-done").textContent = s.done;
        document.getElementById("run-total").textContent = s.total;
        document.getElementById("run-failed").textContent = s.failed;
        var pct = s.total ? Math.round(100 * s.done / s.total) : 100;
        document.getElementById("run-bar").style.width = pct + "%";
        if (s.finished) {
          document.getElementById("run-state").textContent = "ตรวจเสร็จแล้ว";
          window.location.href = box.dataset.doneUrl;
        } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
