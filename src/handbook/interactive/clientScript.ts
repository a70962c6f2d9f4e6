// The browser side of the interactive 招商图谱, as a string inlined into the HTML (this project's TypeScript has no
// DOM library, and the page must work offline). It reads the payload of `interactivePayload` from
// <script type="application/json" id="ct-map-data">, and for each chain-map figure builds, next to the static SVG
// (kept for print and for readers without JavaScript), an ECharts graph with zoom and pan, filters by industry and
// gap kind, a segment picker and a detail panel. Event listeners only (no inline handlers), text set with
// textContent (no innerHTML), so a strict Content-Security-Policy with the script's hash holds.

/** The client script (plain ES2017, no template literals). */
export const INTERACTIVE_CLIENT_JS = String.raw`(function () {
  'use strict';
  var dataEl = document.getElementById('ct-map-data');
  var ec = window.echarts;
  if (!dataEl || !ec) return;
  var D = JSON.parse(dataEl.textContent);
  var T = D.text;
  var KIND = {};
  D.kinds.forEach(function (k) { KIND[k.kind] = k; });
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fill(s, vars) { return s.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] !== undefined ? String(vars[k]) : m; }); }
  function fmt(x) { return (Math.round(x * 100) / 100).toFixed(2); }
  function pct(x) { return Math.round(x * 100) + '%'; }
  document.documentElement.classList.add('js-imap');

  function mount(fig, M) {
    var box = el('div', 'imap');
    box.setAttribute('data-industry', M.industry);
    var bar = el('div', 'imap-bar');
    var industries = [];
    M.nodes.forEach(function (n) { if (industries.indexOf(n.industry) < 0) industries.push(n.industry); });
    var lab = el('label', 'imap-field');
    lab.appendChild(el('span', null, T.industryFilter));
    var indSel = el('select', 'imap-industry');
    var optAll = el('option', null, T.allIndustries); optAll.value = '';
    indSel.appendChild(optAll);
    industries.forEach(function (id) {
      var n = M.nodes.filter(function (x) { return x.industry === id; })[0];
      var o = el('option', null, n.industryName); o.value = id; indSel.appendChild(o);
    });
    lab.appendChild(indSel);
    bar.appendChild(lab);
    var kindsBox = el('fieldset', 'imap-kinds');
    kindsBox.appendChild(el('legend', null, T.kindFilter));
    var present = {};
    M.nodes.forEach(function (n) { present[n.kind] = (present[n.kind] || 0) + 1; });
    var kindInputs = [];
    D.kinds.forEach(function (k) {
      if (!present[k.kind]) return;
      var l = el('label', 'chip k-' + k.kind);
      l.title = k.legend;
      var cb = el('input'); cb.type = 'checkbox'; cb.checked = true; cb.value = k.kind;
      l.appendChild(cb); l.appendChild(document.createTextNode(' ' + k.label + ' ' + present[k.kind]));
      kindsBox.appendChild(l); kindInputs.push(cb);
    });
    bar.appendChild(kindsBox);
    var segLab = el('label', 'imap-field');
    segLab.appendChild(el('span', null, T.segmentPick));
    var segSel = el('select', 'imap-segment');
    bar.appendChild(segLab);
    segLab.appendChild(segSel);
    var zoomBox = el('span', 'imap-zoom');
    [['+', T.zoomIn, 1.25], ['\u2212', T.zoomOut, 0.8], ['\u21ba', T.reset, 0]].forEach(function (z) {
      var b = el('button', null, z[0]); b.type = 'button'; b.title = z[1]; b.setAttribute('aria-label', z[1]);
      b.addEventListener('click', function () { zoomBy(z[2]); });
      zoomBox.appendChild(b);
    });
    bar.appendChild(zoomBox);
    box.appendChild(bar);
    var status = el('p', 'imap-status');
    box.appendChild(status);
    var body = el('div', 'imap-body');
    var chartEl = el('div', 'imap-chart');
    chartEl.setAttribute('role', 'img');
    chartEl.setAttribute('aria-label', M.name);
    var panel = el('aside', 'imap-panel');
    panel.setAttribute('aria-live', 'polite');
    panel.appendChild(el('p', 'desc', T.hint));
    body.appendChild(chartEl); body.appendChild(panel);
    box.appendChild(body);
    fig.insertBefore(box, fig.firstChild);

    var chart = null, fit = 1, zoom = 1, selected = null;
    function visible() {
      var ind = indSel.value;
      var kinds = {};
      kindInputs.forEach(function (cb) { if (cb.checked) kinds[cb.value] = true; });
      return M.nodes.filter(function (n) { return (ind === '' || n.industry === ind) && kinds[n.kind]; });
    }
    function size() {
      var w = Math.max(280, chartEl.clientWidth);
      var h = Math.round(Math.min(Math.max(w * M.height / M.width, 320), Math.max(420, window.innerHeight * 0.7)));
      chartEl.style.height = h + 'px';
      fit = Math.min(w / M.width, h / M.height);
      return { w: w, h: h };
    }
    function option() {
      var nodes = visible();
      var ids = {};
      nodes.forEach(function (n) { ids[n.id] = true; });
      var s = fit;
      var data = nodes.map(function (n) {
        var k = KIND[n.kind];
        var on = n.id === selected;
        return {
          id: n.id, name: n.name, x: n.x, y: n.y, seg: true,
          symbol: 'roundRect', symbolSize: [n.w * s, n.h * s],
          itemStyle: { color: k.fill, borderColor: on ? '#1f2933' : k.stroke, borderWidth: on ? 3 : (n.external ? 1 : 1.5), borderType: n.external ? 'dashed' : 'solid' },
          label: { show: true, position: 'inside', color: '#1f2933', fontSize: Math.max(6, 12 * s), width: Math.max(20, (n.w - 10) * s), overflow: 'break', lineHeight: Math.max(7, 14 * s),
            formatter: n.name + (n.firmCount > 0 ? '\n' + fill(T.firmsShort, { n: n.firmCount }) : '') }
        };
      });
      // Two invisible corners pin the view to the static map's frame; column headers are label-only points.
      data.push({ id: '__c0', name: '', x: 0, y: 0, symbolSize: 0, silent: true, label: { show: false } });
      data.push({ id: '__c1', name: '', x: M.width, y: M.height, symbolSize: 0, silent: true, label: { show: false } });
      M.headers.forEach(function (hd, i) {
        data.push({ id: '__h' + i, name: hd.label, x: hd.x, y: hd.y, symbolSize: 1, silent: true, itemStyle: { color: 'rgba(0,0,0,0)' },
          label: { show: true, position: 'inside', color: '#616e7c', fontWeight: 'bold', fontSize: Math.max(6, 13 * s) } });
      });
      var links = M.edges.filter(function (e) { return ids[e.from] && ids[e.to]; }).map(function (e) {
        return { source: e.from, target: e.to, lineStyle: { width: Math.max(0.6, Math.min(3, 0.6 + e.weight * 4) * s), type: e.cross ? 'dashed' : 'solid', color: e.cross ? '#97a3b0' : '#5b6b7d', curveness: 0.12 } };
      });
      status.textContent = fill(T.shown, { n: nodes.length, total: M.nodes.length });
      setSegments(nodes);
      return {
        animation: false,
        tooltip: { show: false },
        series: [{
          type: 'graph', layout: 'none', roam: true, nodeScaleRatio: 1, zoom: zoom, scaleLimit: { min: 0.5, max: 8 },
          left: 0, top: 0, right: 0, bottom: 0,
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: Math.max(3, 8 * s),
          emphasis: { focus: 'adjacency', label: { show: true } },
          data: data, links: links
        }]
      };
    }
    function setSegments(nodes) {
      var cur = segSel.value;
      segSel.textContent = '';
      var p = el('option', null, T.segmentPrompt); p.value = ''; segSel.appendChild(p);
      nodes.forEach(function (n) { var o = el('option', null, n.name + (n.external ? ' · ' + n.industryName : '')); o.value = n.id; segSel.appendChild(o); });
      segSel.value = nodes.some(function (n) { return n.id === cur; }) ? cur : '';
    }
    function render(keepView) {
      if (!chart) return;
      var opt = option();
      if (keepView) delete opt.series[0].zoom;
      chart.setOption(opt, { replaceMerge: ['series'] });
    }
    function zoomBy(f) {
      if (!chart) return;
      if (f === 0) { zoom = 1; chart.setOption(option(), { replaceMerge: ['series'] }); return; }
      var cur = chart.getOption().series[0].zoom || 1;
      zoom = Math.min(8, Math.max(0.5, cur * f));
      chart.setOption({ series: [{ zoom: zoom }] });
    }
    function show(id) {
      var n = M.nodes.filter(function (x) { return x.id === id; })[0];
      if (!n) return;
      selected = id;
      var d = D.details[id] || { reasons: [], localFirms: null, targets: [] };
      var k = KIND[n.kind];
      panel.textContent = '';
      panel.setAttribute('data-segment', id);
      var head = el('div', 'imap-panel-head');
      head.appendChild(el('h4', null, n.name));
      var x = el('button', 'imap-close', '\u00d7'); x.type = 'button'; x.title = T.close; x.setAttribute('aria-label', T.close);
      x.addEventListener('click', function () { selected = null; panel.textContent = ''; panel.removeAttribute('data-segment'); panel.appendChild(el('p', 'desc', T.hint)); render(true); });
      head.appendChild(x);
      panel.appendChild(head);
      var meta = el('p', 'meta');
      meta.appendChild(el('span', 'chip k-' + n.kind, k.label));
      meta.appendChild(document.createTextNode(' ' + n.stage + ' \u00b7 ' + (n.external ? fill(T.external, { industry: n.industryName }) : n.industryName)));
      panel.appendChild(meta);
      panel.appendChild(el('p', 'desc', T.presence + ' ' + pct(n.presence) + ' \u00b7 ' + T.priority + ' ' + fmt(n.priority)));
      if (n.kind === 'none') panel.appendChild(el('p', null, T.noGap));
      else {
        panel.appendChild(el('h5', null, T.reasons));
        var ul = el('ul', 'reasons');
        (d.reasons.length > 0 ? d.reasons : [k.legend]).forEach(function (r) { ul.appendChild(el('li', null, r)); });
        panel.appendChild(ul);
      }
      panel.appendChild(el('h5', null, T.localFirms));
      if (d.localFirms && d.localFirms.length > 0) panel.appendChild(el('p', 'firms', d.localFirms.join('\u3001')));
      else if (n.firmCount > 0) panel.appendChild(el('p', 'firms', fill(T.firmCount, { n: n.firmCount })));
      else panel.appendChild(el('p', 'firms empty', T.noFirms));
      panel.appendChild(el('h5', null, T.targets));
      if (d.targets.length === 0) panel.appendChild(el('p', 'empty', T.noTargets));
      else {
        var ol = el('ol', 'targets');
        d.targets.forEach(function (t) {
          var li = el('li');
          var a = el('a', null, t.name); a.href = '#' + t.anchor;
          li.appendChild(a);
          li.appendChild(document.createTextNode(' ' + fmt(t.score) + (t.hq ? ' \u00b7 ' + t.hq : '') + ' \u00b7 ' + t.approach));
          ol.appendChild(li);
        });
        panel.appendChild(ol);
      }
      if (n.external) {
        var a2 = el('a', null, T.seeChapter); a2.href = '#industry-' + n.industry;
        var p2 = el('p'); p2.appendChild(a2); panel.appendChild(p2);
      }
      segSel.value = id;
      render(true);
    }
    function init() {
      if (chart) return;
      size();
      chart = ec.init(chartEl, null, { renderer: 'canvas' });
      chart.setOption(option());
      chart.on('click', function (p) { if (p.dataType === 'node' && p.data && p.data.seg) show(p.data.id); });
      box.setAttribute('data-ready', 'true');
    }
    indSel.addEventListener('change', function () { render(false); });
    kindInputs.forEach(function (cb) { cb.addEventListener('change', function () { render(false); }); });
    segSel.addEventListener('change', function () { if (segSel.value) show(segSel.value); });
    window.addEventListener('resize', function () { if (!chart) return; size(); chart.resize(); render(true); });
    return init;
  }

  var pending = [];
  document.querySelectorAll('figure.map[data-industry]').forEach(function (fig) {
    var M = D.maps[fig.getAttribute('data-industry')];
    if (!M) return;
    var init = mount(fig, M);
    pending.push({ fig: fig, init: init });
  });
  // Charts are drawn when their figure comes near the viewport (a dozen canvases at once would slow the first paint).
  if ('IntersectionObserver' in window) {
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        pending.forEach(function (p) { if (p.fig === e.target) p.init(); });
        io.unobserve(e.target);
      });
    }, { rootMargin: '400px 0px' });
    pending.forEach(function (p) { io.observe(p.fig); });
  } else pending.forEach(function (p) { p.init(); });
  window.ctMaps = { initAll: function () { pending.forEach(function (p) { p.init(); }); } };
})();
`;
