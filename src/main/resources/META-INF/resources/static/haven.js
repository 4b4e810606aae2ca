// Haven works without this file. It only adds the keyboard quick exit and makes the exit link
// replace the current history entry, so "back" does not return here (where the browser allows).
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var target = link.getAttribute("href");
  function leave() {
    try { document.body.textContent = ""; } catch (e) { /* nothing to hide */ }
    window.location.replace(target);
  }
  link.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });
  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) { leave(); }
  });
}());
