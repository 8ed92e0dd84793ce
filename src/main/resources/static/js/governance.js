// Governance pages: the ENT contribution bar chart, drawn from the canvas's data- attributes (CSP: no inline script).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('ent-chart');
  if (!canvas || typeof Chart === 'undefined') { return; }
  var labels = (canvas.dataset.labels || '').split(',');
  var values = (canvas.dataset.values || '').split(',').map(Number);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ label: canvas.dataset.series, data: values, backgroundColor: '#1f4e79' }] },
    options: {
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return v.toLocaleString('fr-FR') + ' €'; } } } }
    }
  });
});
