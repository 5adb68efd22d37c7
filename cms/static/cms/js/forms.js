// After a server-side error, move the focus to the error summary (or the rate-limit message), so
// keyboard and screen-reader users hear what to correct. The summary carries `autofocus` too; this
// covers browsers that ignore it on a non-form element. Without JavaScript the summary is a list of
// links at the top of the form.
(function () {
  var summary = document.getElementById("form-errors") || document.getElementById("rate-limited");
  if (summary && document.activeElement !== summary) summary.focus();
})();
