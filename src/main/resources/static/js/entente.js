// Loaded by the layout on every page (some pages also name it: the guard keeps one set of handlers).
(function () {
  if (window.ententePage) { return; }
  window.ententePage = true;
  // Moves keyboard and screen-reader focus to a result that a form submission produced (e.g. the answer, the
  // summary of a form's errors).
  document.addEventListener('DOMContentLoaded', function () {
    var target = document.querySelector('[data-focus-on-load]');
    if (target) { target.focus(); }
  });
  // A link of an error summary moves focus to its field (a fragment link alone only scrolls).
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('[data-error-summary] a[href^="#"]') : null;
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute('href').substring(1));
    if (field) { e.preventDefault(); field.focus(); }
  });
  // « Signaler un problème »: the equipment picker offers the assets of the kind chosen (all of them until one is).
  function followProblem() {
    var picker = document.querySelector('select[data-follows-problem]');
    var chosen = document.querySelector('input[name=problem]:checked');
    if (!picker) { return; }
    var component = chosen ? chosen.getAttribute('data-component') : null;
    picker.querySelectorAll('optgroup').forEach(function (g) {
      var shown = !component || g.getAttribute('data-component') === component;
      g.hidden = !shown;
      g.disabled = !shown;
      if (!shown && g.querySelector('option:checked')) { picker.value = ''; }
    });
  }
  document.addEventListener('DOMContentLoaded', followProblem);
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('input[name=problem]')) { followProblem(); }
  });
  // A search field inside a larger form (« Signaler un problème »): Enter searches, it does not send the form.
  document.addEventListener('keydown', function (e) {
    var field = e.target;
    if (e.key !== 'Enter' || !field.matches || !field.matches('[data-enter-searches]')) { return; }
    e.preventDefault();
    if (window.htmx) { window.htmx.trigger(field, 'search'); }
  });
}());
