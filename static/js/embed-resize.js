// When the public OIT page is framed by the organisation's own website, tell the page around
// it how tall it is, so the frame can fit it without a scroll bar. The host page listens for
// {type: "ita-portal-height", height} messages (README: "Embedding the public page").
(function () {
  "use strict";
  if (window.parent === window) return;
  function send() {
    window.parent.postMessage({type: "ita-portal-height",
                               height: document.documentElement.scrollHeight}, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
})();
