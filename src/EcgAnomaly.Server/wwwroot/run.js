// A run folder: its metrics.json as a table, the loss history drawn with uPlot, and its ROC and histogram plots.
(async function () {
  const name = decodeURIComponent(location.pathname.split('/').pop());
  const run = await (await fetch('/api/runs/' + encodeURIComponent(name))).json();
  document.getElementById('title').textContent = 'Run ' + run.name;
  const tbody = document.querySelector('#metrics tbody');
  for (const [key, value] of Object.entries(run.metrics || {})) {
    if (typeof value === 'object') continue;
    const tr = document.createElement('tr');
    const th = document.createElement('td'); th.textContent = key;
    const td = document.createElement('td'); td.textContent = typeof value === 'number' ? +value.toPrecision(6) : value;
    tr.append(th, td); tbody.append(tr);
  }
  if (run.history && run.history.length > 1) {
    const header = run.history[0].split(',');
    const rows = run.history.slice(1).map(l => l.split(',').map(Number));
    const column = k => rows.map(r => r[k]);
    new uPlot({
      width: Math.max(600, document.body.clientWidth - 40), height: 260,
      scales: { x: { time: false } }, axes: [{ label: 'epoch' }, { label: 'loss' }],
      series: [{}, { label: header[1], stroke: '#1f77b4' }, { label: header[2], stroke: '#ff7f0e' }],
    }, [column(0), column(1), column(2)], document.getElementById('loss'));
  }
  for (const plot of run.plots.filter(p => p !== 'loss.png')) {
    const img = document.createElement('img');
    img.src = `/api/runs/${encodeURIComponent(name)}/plots/${plot}`; img.alt = plot; img.style.maxWidth = '48%';
    document.getElementById('plots').append(img);
  }
  document.body.dataset.ready = 'true';
})();
