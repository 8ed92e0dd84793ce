// Idle session warning: a signed-in page knows the session's idle timeout (data-session-timeout, seconds) and, two
// minutes before it ends (or at a fifth of it for short timeouts), says so and offers to keep the session alive, so
// that a long form is not lost. Any page load or htmx request restarts the count.
document.addEventListener('DOMContentLoaded', function () {
  var timeout = parseInt(document.body.getAttribute('data-session-timeout') || '0', 10);
  var warning = document.getElementById('session-warning');
  if (!timeout || !warning) { return; }
  var lead = Math.min(120, Math.floor(timeout / 5));
  var timer;
  function arm() {
    clearTimeout(timer);
    warning.hidden = true;
    timer = setTimeout(function () { warning.hidden = false; }, Math.max(0, timeout - lead) * 1000);
  }
  document.getElementById('session-extend').addEventListener('click', function () {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { if (r.ok) { arm(); } else { window.location.reload(); } });
  });
  document.body.addEventListener('htmx:afterRequest', arm);
  arm();
});
