// On a form page shown again with errors, move focus to the error summary, so a screen
// reader reads it and a keyboard user starts from its links to the fields. The page works
// the same without this script (the summary is at the top and announced as an alert).
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
