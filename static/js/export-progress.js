// Poll a report export and show its progress; offer the file when it is ready.
(function () {
  var box = document.getElementById("export");
  if (!box) { return; }
  function poll() {
    fetch(box.dataset.statusUrl, {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        document.getElementById("export-step").textContent = s.step;
        document.getElementById("export-bar").style.width = s.percent + "%";
        if (s.state === "done") {
          document.getElementById("export-state").textContent =
            "สร้างเสร็จแล้ว " + s.pages + " หน้า";
          document.getElementById("export-file").hidden = false;
        } else if (s.state === "failed") {
          document.getElementById("export-state").textContent = s.error;
        } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
