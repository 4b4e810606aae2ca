// Haven works without this file. It only enhances: the keyboard quick exit (and the exit link replacing
// the current history entry, so "back" does not return here), focus on a form's error summary, a copy
// button for the receipt code, and "read aloud" with the browser's own speech synthesis (nothing is sent
// anywhere by this file).
(function () {
  "use strict";

  // A form that came back with errors: the summary at the top takes the focus (autofocus does it too
  // where the browser honours it on a non-field element).
  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }

  // The receipt code: a copy button, hidden unless the clipboard can be written.
  var copy = document.querySelector("[data-copy]");
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.parentNode.hidden = false;
    copy.addEventListener("click", function () {
      var code = document.getElementById(copy.getAttribute("data-copy"));
      var source = code.querySelector("strong") || code;
      var status = copy.parentNode.querySelector(".copy-status");
      navigator.clipboard.writeText(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
        if (status) { status.textContent = copy.getAttribute("data-copied"); }
      });
    });
  }

  // Read aloud: the lesson's story and text, in the page's language, by the browser's own voice.
  var read = document.querySelector("[data-read-aloud]");
  if (read && "speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    var button = read.querySelector("button");
    var startLabel = button.textContent;
    var stopLabel = button.getAttribute("data-stop");
    read.hidden = false;
    button.addEventListener("click", function () {
      var synth = window.speechSynthesis;
      if (synth.speaking) {
        synth.cancel();
        button.textContent = startLabel;
        return;
      }
      var target = document.getElementById(read.getAttribute("data-read-aloud"));
      var utterance = new SpeechSynthesisUtterance(target.innerText);
      utterance.lang = (target.closest("[lang]") || document.documentElement).getAttribute("lang");
      utterance.rate = 0.9;
      utterance.onend = function () { button.textContent = startLabel; };
      button.textContent = stopLabel;
      synth.speak(utterance);
    });
  }

  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var target = link.getAttribute("href");
  function leave() {
    try { window.speechSynthesis && window.speechSynthesis.cancel(); } catch (e) { /* no voice */ }
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
