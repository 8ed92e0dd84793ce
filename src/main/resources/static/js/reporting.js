// Reporting dashboard: one horizontal bar chart per canvas.rep-chart, drawn from its data- attributes (CSP: no
// inline script). Each chart has its text alternative (aria-label) and the table with the same figures below it.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') { return; }
  document.querySelectorAll('canvas.rep-chart').forEach(function (canvas) {
    var labels = (canvas.dataset.labels || '').split('|');
    var values = (canvas.dataset.values || '').split(',').map(Number);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: canvas.dataset.series, data: values, backgroundColor: '#1f4e79' }] },
      options: {
        indexAxis: 'y', animation: false, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
});
