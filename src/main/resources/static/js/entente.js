// Moves keyboard and screen-reader focus to a result that a form submission produced (e.g. the answer).
document.addEventListener('DOMContentLoaded', function () {
  var target = document.querySelector('[data-focus-on-load]');
  if (target) { target.focus(); }
});
