// Live reload for `thidua serve`: reloads the page after each rebuild and shows content
// errors over the page until they are fixed. Served only by the development server.
(function () {
  "use strict";
  var overlayId = "thidua-error-overlay";

  function showErrors(errors) {
    var overlay = document.getElementById(overlayId);
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = overlayId;
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:1.5rem;" +
        "background:rgba(20,10,10,.94);color:#fff;font:15px/1.5 ui-monospace,monospace;";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    errors.forEach(function (error) {
      var block = document.createElement("pre");
      block.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;border-left:4px solid #ff6b6b;padding-left:.75rem;";
      block.textContent = error.path + ":" + error.line + ":" + error.column + "\n" + error.message;
      overlay.appendChild(block);
    });
  }

  function connect(reloadOnOpen) {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__thidua/live");
    socket.onopen = function () { if (reloadOnOpen) { location.reload(); } };
    socket.onmessage = function (event) {
      if (event.data === "reload") { location.reload(); return; }
      try { showErrors(JSON.parse(event.data).errors || []); } catch (e) { /* not for us */ }
    };
    // The server restarted or the connection dropped: try again, and reload once back.
    socket.onclose = function () { setTimeout(function () { connect(true); }, 1000); };
  }
  connect(false);
})();
