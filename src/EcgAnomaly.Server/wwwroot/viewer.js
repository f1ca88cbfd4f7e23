// The recording viewer: the ECG (decimated on the server for the visible range), every beat marked and coloured by
// verdict, a threshold that re-flags beats live, previous/next flagged beat, the per-class table and a gallery.
(async function () {
  const name = decodeURIComponent(location.pathname.split('/').pop());
  const data = await (await fetch('/api/recordings/' + encodeURIComponent(name))).json();
  const summary = data.summary, beats = data.beats;
  const n = beats.seconds.length;
  const modelThreshold = summary.threshold;
  const sorted = [...beats.scores].sort((a, b) => a - b);
  let threshold = modelThreshold, current = -1;
  const duration = summary.durationSeconds;
  const $ = id => document.getElementById(id);

  document.title = 'ecg-anomaly: ' + summary.record;
  $('title').textContent = 'Record ' + summary.record + ', lead ' + summary.lead;
  $('facts').textContent = summary.model + '; ' + summary.samplingFrequency + ' Hz; scored from ' +
    Math.round(summary.fromSeconds) + ' s to the end (' + Math.round(duration) + ' s)' +
    (summary.ectopy ? '; classes by the population classifier ' + summary.ectopy : '');
  $('beat-count').textContent = n.toLocaleString('en');

  // Threshold slider: positions are the scores' ranks, so every step changes what is flagged.
  const slider = $('threshold');
  slider.max = Math.max(0, n - 1);
  const rankOf = t => { let lo = 0, hi = n; while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < t) lo = m + 1; else hi = m; } return Math.min(lo, n - 1); };
  const flagged = i => beats.scores[i] > threshold;
  function setThreshold(t) {
    threshold = t;
    $('threshold-value').textContent = t.toPrecision(5);
    $('threshold-value').dataset.threshold = String(t); // in full, for whoever checks it against score
    let count = 0;
    for (let i = 0; i < n; i++) if (flagged(i)) count++;
    $('flagged-count').textContent = count.toLocaleString('en');
    ecg && ecg.redraw(false);
    scorePlot && scorePlot.setData([times, beats.scores, times.map(() => threshold)]);
  }
  slider.addEventListener('input', () => setThreshold(sorted[+slider.value]));
  $('reset-threshold').addEventListener('click', () => { slider.value = rankOf(modelThreshold); setThreshold(modelThreshold); });

  const colour = i => flagged(i) ? '#d62728' : (beats.class[i] && beats.class[i] !== 'N' ? '#ff7f0e' : '#2ca02c');
  const times = beats.seconds;

  // The ECG: minimum and maximum per bucket for the visible range, fetched again on every zoom or pan.
  let ecg = null, scorePlot = null;
  const width = () => Math.max(600, document.body.clientWidth - 40);
  const markBeats = u => {
    const ctx = u.ctx, [x0, x1] = [u.scales.x.min, u.scales.x.max];
    const y = u.valToPos(u.scales.y.max, 'y', true) + 6 * devicePixelRatio;
    for (let i = lowerBound(x0); i < n && times[i] <= x1; i++) {
      const x = u.valToPos(times[i], 'x', true);
      ctx.fillStyle = colour(i);
      ctx.beginPath();
      ctx.arc(x, y, (i === current ? 6 : 3.5) * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
      if (beats.reference[i] && beats.reference[i] !== 'N') {
        ctx.strokeStyle = '#1f77b4'; ctx.lineWidth = 2 * devicePixelRatio;
        ctx.beginPath(); ctx.arc(x, y + 12 * devicePixelRatio, 4 * devicePixelRatio, 0, 2 * Math.PI); ctx.stroke();
      }
      // Zoomed in far enough to read them: each beat's reference class and verdict as letters.
      if (x1 - x0 <= 60) {
        ctx.fillStyle = '#1f77b4'; ctx.font = `${11 * devicePixelRatio}px sans-serif`; ctx.textAlign = 'center';
        const label = (beats.reference[i] || '') + (beats.class[i] ? '/' + beats.class[i] : '');
        if (label) ctx.fillText(label, x, y + 28 * devicePixelRatio);
      }
    }
  };
  function lowerBound(t) { let lo = 0, hi = n; while (lo < hi) { const m = (lo + hi) >> 1; if (times[m] < t) lo = m + 1; else hi = m; } return lo; }

  let pending = null;
  async function loadSignal(from, to) {
    const r = await fetch(`/api/recordings/${encodeURIComponent(name)}/signal?from=${from}&to=${to}&points=${Math.round(width())}`);
    if (!r.ok) return null;
    return r.json();
  }
  if (data.hasSignal) {
    const first = await loadSignal(0, duration);
    ecg = new uPlot({
      width: width(), height: 300, title: 'ECG (mV): dots are beats: red flagged, orange another class, green normal; blue: reference non-N (letters: reference/class)',
      scales: { x: { time: false } },
      axes: [{ label: 'seconds' }, { label: 'mV' }],
      series: [{}, { label: 'min', stroke: '#333', width: 1 }, { label: 'max', stroke: '#333', width: 1 }],
      bands: [{ series: [2, 1], fill: 'rgba(50, 50, 50, 0.35)' }],
      hooks: {
        draw: [markBeats],
        setScale: [(u, key) => {
          if (key !== 'x' || u._loading) return;
          clearTimeout(pending);
          pending = setTimeout(async () => {
            const [a, b] = [u.scales.x.min, u.scales.x.max];
            const s = await loadSignal(Math.max(0, a), Math.min(duration, b));
            if (!s) return;
            u._loading = true;
            u.setData([s.seconds, s.min, s.max], false);
            u.setScale('x', { min: a, max: b });
            u._loading = false;
          }, 80);
        }],
      },
    }, [first.seconds, first.min, first.max], $('ecg'));
  } else {
    $('no-signal').hidden = false;
  }
  scorePlot = new uPlot({
    width: width(), height: 180, title: 'Score per beat and the threshold',
    scales: { x: { time: false } },
    axes: [{ label: 'seconds' }, { label: 'score' }],
    series: [{}, { label: 'score', stroke: '#555', width: 0, points: { show: true, size: 3, fill: '#555' } },
      { label: 'threshold', stroke: '#d62728', width: 1 }],
  }, [times, beats.scores, times.map(() => threshold)], $('scores'));

  function show(i) {
    current = i;
    const t = times[i];
    $('position').textContent = `beat ${i + 1} at ${t.toFixed(2)} s, score ${beats.scores[i].toPrecision(4)}` +
      (beats.reference[i] ? `, reference ${beats.reference[i]}` : '') + (beats.class[i] ? `, class ${beats.class[i]}` : '');
    if (ecg) ecg.setScale('x', { min: Math.max(0, t - 5), max: Math.min(duration, t + 5) });
  }
  function step(direction) {
    for (let i = current + direction; i >= 0 && i < n; i += direction) if (flagged(i)) { show(i); return; }
  }
  $('next').addEventListener('click', () => step(1));
  $('prev').addEventListener('click', () => step(-1));
  document.addEventListener('keydown', e => {
    if (e.target.tagName === 'INPUT' && e.key !== 'n' && e.key !== 'p') return;
    const u = ecg; if (!u && !['n', 'p'].includes(e.key)) return;
    const [a, b] = u ? [u.scales.x.min, u.scales.x.max] : [0, 0], span = b - a, mid = (a + b) / 2;
    if (e.key === 'n') step(1);
    else if (e.key === 'p') step(-1);
    else if (e.key === '+' || e.key === '=') u.setScale('x', { min: mid - span / 4, max: mid + span / 4 });
    else if (e.key === '-') u.setScale('x', { min: Math.max(0, mid - span), max: Math.min(duration, mid + span) });
    else if (e.key === 'ArrowRight') u.setScale('x', { min: a + span / 2, max: b + span / 2 });
    else if (e.key === 'ArrowLeft') u.setScale('x', { min: a - span / 2, max: b - span / 2 });
    else if (e.key === '0') u.setScale('x', { min: 0, max: duration });
  });

  // Per-class table of summary.md: reference classes with their counts and the AUC of N against each.
  const tbody = $('classes').querySelector('tbody');
  const aucs = Object.fromEntries((summary.aucAgainstNormal || []).map(a => [a.class, a.rocAuc]));
  for (const [cls, count] of Object.entries(summary.classCounts || {})) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>${cls}</td><td>${count.toLocaleString('en')}</td><td>${aucs[cls] != null ? aucs[cls].toFixed(4) : ''}</td>`;
    tbody.append(tr);
  }

  slider.value = rankOf(modelThreshold);
  setThreshold(modelThreshold);

  if (data.hasSignal) {
    const g = await (await fetch(`/api/recordings/${encodeURIComponent(name)}/gallery?count=12`)).json();
    for (const beat of g.beats) {
      const figure = document.createElement('figure');
      const canvas = document.createElement('canvas');
      canvas.width = 180; canvas.height = 120;
      const all = g.template.concat(beat.values), lo = Math.min(...all), hi = Math.max(...all);
      const ctx = canvas.getContext('2d');
      const line = (values, stroke) => {
        ctx.strokeStyle = stroke; ctx.beginPath();
        values.forEach((v, k) => { const x = k / (values.length - 1) * 178 + 1, y = 119 - (v - lo) / (hi - lo || 1) * 118; k ? ctx.lineTo(x, y) : ctx.moveTo(x, y); });
        ctx.stroke();
      };
      line(g.template, '#aaa'); line(beat.values, '#d62728');
      const caption = document.createElement('figcaption');
      caption.textContent = `${beat.seconds.toFixed(1)} s, score ${beat.score.toPrecision(3)}` + (beat.reference ? `, ref ${beat.reference}` : '');
      figure.append(canvas, caption);
      figure.addEventListener('click', () => show(beat.index));
      $('gallery').append(figure);
    }
  }
  document.body.dataset.ready = 'true';
})();
