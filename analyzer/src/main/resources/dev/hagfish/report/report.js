/*
 * hagfish report: draws the structs of the hf-data element as byte maps, lazily.
 *
 * Data (written by dev.hagfish.report.HtmlReport):
 *   hf-meta    {kernel: {uuid, version, arch, path}, selection, cacheline, expand, reorganize, count}
 *   hf-data    [struct...], struct = {n: name, k: kind, f: "file:line" or null, s: size, a: alignment,
 *              pk: packed (0/1), c: cachelines, p: trailing padding, w: wasted bytes, h: holes,
 *              hb: bytes in holes, bh: bit holes, x: members straddling a cacheline, m: [member...],
 *              H: [hole...], r: reorganized {st: saved|optimal|skipped, why, s, v: bytes saved, p, m, H}}
 *              member = [name or null, type, offset, size, bitOffset, bitSize, straddles, base,
 *                        members (anonymous, or all with --expand), holes]
 *              hole = [bitOffset, bits, 1 for a bit hole inside a storage unit]
 *   hf-summary ReportSummary.Result, camelCase
 * Offsets are bytes and bits from the start of the struct.
 *
 * Lazy: cards are appended CHUNK at a time as the list scrolls, and a card draws its map when it
 * comes near the viewport; a map shows MAX_ROWS cachelines until asked for all.
 */
(function () {
  'use strict';
  var meta = JSON.parse(document.getElementById('hf-meta').textContent);
  var data = JSON.parse(document.getElementById('hf-data').textContent);
  var summary = JSON.parse(document.getElementById('hf-summary').textContent);
  var CL = meta.cacheline;
  var CHUNK = 40;
  var MAX_ROWS = 32;
  var MAX_LANES = 12;
  var list = document.getElementById('list');
  var more = document.getElementById('more');
  var tip = document.getElementById('tip');
  var search = document.getElementById('search');
  var sort = document.getElementById('sort');
  var count = document.getElementById('count');
  var shown = data;
  var next = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function plural(n, unit) { return n + ' ' + unit + (n === 1 ? '' : 's'); }
  function hex(n) { return '0x' + n.toString(16); }
  function bare(name) { return name.replace(/^(struct|union|class|enum) /, ''); }

  // ---- the kernel line and the summary
  var k = meta.kernel;
  document.getElementById('kernel').textContent = k.uuid + ' (' + k.arch + ')' + (k.version ? ' ' + k.version : '');

  function pickLink(name) {
    var a = el('a', 'pick', name);
    a.href = '#q=' + encodeURIComponent(name);
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      search.value = '=' + name;
      apply();
      window.scrollTo(0, 0);
    });
    return a;
  }
  function table(caption, heads, rows) {
    var t = el('table');
    t.appendChild(el('caption', null, caption));
    var tr = el('tr');
    heads.forEach(function (h, i) { tr.appendChild(el('th', i === 0 ? 'name' : null, h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c, i) {
        var td = el('td', i === 0 ? 'name' : null);
        if (i === 0) { td.appendChild(pickLink(c)); } else { td.textContent = c; }
        row.appendChild(td);
      });
      t.appendChild(row);
    });
    return t;
  }
  (function drawSummary() {
    var s = summary;
    var d = el('details');
    d.open = true;
    d.appendChild(el('summary', null, 'Summary: ' + s.structs + ' structs, ' + s.unions + ' unions, ' + s.classes
        + ' classes, ' + s.totalSize + ' bytes; ' + s.wastedBytes + ' bytes wasted (' + s.holes + ' holes of '
        + s.holeBytes + ' bytes, ' + s.paddingBytes + ' bytes of padding); ' + s.straddlingMembers
        + ' members straddle a cacheline'
        + (s.reorganize ? '; reorganizing saves ' + s.reorganize.savedBytes + ' bytes in ' + s.reorganize.saved
          + ' structs' : '')));
    var tables = el('div', 'tables');
    tables.appendChild(table('Most wasted bytes', ['name', 'wasted', 'size', 'holes', 'padding'],
        s.byWasted.slice(0, 15).map(function (w) { return [w.name, w.wastedBytes, w.size, w.holes, w.padding]; })));
    tables.appendChild(table('Largest', ['name', 'size', 'cachelines'],
        s.largest.slice(0, 15).map(function (l) { return [l.name, l.size, l.cachelines]; })));
    tables.appendChild(table('Size not a multiple of the alignment', ['name', 'size', 'alignment'],
        s.sizeNotMultipleOfAlignment.slice(0, 15).map(function (m) { return [m.name, m.size, m.alignment]; })));
    d.appendChild(tables);
    document.getElementById('summary').appendChild(d);
  })();

  // ---- filter and sort
  function matcher(q) {
    q = q.trim();
    if (!q) { return null; }
    if (q[0] === '=') {
      var exact = q.slice(1);
      return function (s) { return s.n === exact || bare(s.n) === exact; };
    }
    var re = null;
    if (q.length > 2 && q[0] === '/' && q[q.length - 1] === '/') {
      try { re = new RegExp(q.slice(1, -1), 'i'); } catch (e) { return function () { return false; }; }
    } else if (/[*?]/.test(q)) {
      re = new RegExp('^' + q.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
    }
    if (re) { return function (s) { return re.test(s.n) || re.test(bare(s.n)); }; }
    var low = q.toLowerCase();
    return function (s) { return s.n.toLowerCase().indexOf(low) >= 0; };
  }
  var ORDERS = {
    // by tag name, then keyword, as the other formats list them
    name: function (a, b) {
      var x = bare(a.n), y = bare(b.n);
      return x < y ? -1 : x > y ? 1 : a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
    },
    wasted: function (a, b) { return b.w - a.w || ORDERS.name(a, b); },
    size: function (a, b) { return b.s - a.s || ORDERS.name(a, b); },
    file: function (a, b) { var x = a.f || '~', y = b.f || '~'; return x < y ? -1 : x > y ? 1 : ORDERS.name(a, b); }
  };
  function apply() {
    var m = matcher(search.value);
    shown = (m ? data.filter(m) : data.slice()).sort(ORDERS[sort.value] || ORDERS.name);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    next = 0;
    count.textContent = shown.length + ' of ' + data.length + ' structs';
    renderMore();
    document.body.dataset.query = search.value;
  }
  var timer = 0;
  search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 60); });
  search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { clearTimeout(timer); apply(); } });
  sort.addEventListener('change', apply);

  // ---- lazy list
  var mapObserver = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) { mapObserver.unobserve(e.target); drawCard(e.target); }
    });
  }, {rootMargin: '400px 0px'}) : null;
  function renderMore() {
    var end = Math.min(shown.length, next + CHUNK);
    for (; next < end; next++) {
      var c = card(shown[next]);
      list.appendChild(c);
      if (mapObserver) { mapObserver.observe(c); } else { drawCard(c); }
    }
    more.textContent = next < shown.length ? 'showing ' + next + ' of ' + shown.length + '; scroll for more'
        : shown.length === 0 ? 'no struct matches' : 'end of the list';
    if (next < shown.length) { requestAnimationFrame(fill); }
  }
  function fill() {
    if (next < shown.length && more.getBoundingClientRect().top < window.innerHeight + 600) { renderMore(); }
  }
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { renderMore(); }
    }, {rootMargin: '600px 0px'}).observe(more);
  }
  window.addEventListener('scroll', function () { requestAnimationFrame(fill); }, {passive: true});

  function facts(s) {
    var f = el('div', 'facts');
    var parts = [];
    if (s.f) { parts.push(s.f); }
    parts.push(plural(s.s, 'byte'), 'alignment ' + s.a + (s.pk ? ' (packed)' : ''), plural(s.c, 'cacheline'),
        plural(s.m.length, 'member'), plural(s.h, 'hole') + ' (' + plural(s.hb, 'byte') + ')');
    if (s.bh) { parts.push(plural(s.bh, 'bit hole')); }
    parts.push('padding ' + s.p);
    f.appendChild(document.createTextNode(parts.join(' · ') + ' · '));
    f.appendChild(el('b', s.w ? 'waste' : null, 'wasted ' + plural(s.w, 'byte')));
    if (s.x) { f.appendChild(document.createTextNode(' · ' + s.x + ' straddling a cacheline')); }
    return f;
  }
  function card(s) {
    var c = el('div', 'card');
    c.dataset.name = s.n;
    c.dataset.size = s.s;
    c.dataset.wasted = s.w;
    c._struct = s;
    c.appendChild(el('h2', null, s.n));
    c.appendChild(el('span', 'kind ' + s.k, s.k));
    c.appendChild(facts(s));
    c.appendChild(el('div', 'map'));
    var d = el('details', 'members');
    d.appendChild(el('summary', null, 'members, holes and padding'));
    d.addEventListener('toggle', function () {
      if (d.open && !d._done) { d._done = true; d.appendChild(memberTable(s.m, s.H, s.s, s.p)); }
    });
    c.appendChild(d);
    if (s.r) {
      var r = el('details', 'reorg');
      var what = s.r.st === 'saved' ? 'reorganized: saves ' + plural(s.r.v, 'byte') + ' (' + s.s + ' → ' + s.r.s + ')'
          : s.r.st === 'optimal' ? 'reorganized: no order of the members saves a byte'
          : 'reorganized: skipped, ' + s.r.why;
      r.appendChild(el('summary', null, what));
      if (s.r.st === 'saved') {
        r.addEventListener('toggle', function () {
          if (r.open && !r._done) {
            r._done = true;
            var m = el('div', 'map');
            r.appendChild(m);
            drawMap(m, s.r.m, s.r.H, s.r.s, s.r.p, s.k);
            r.appendChild(memberTable(s.r.m, s.r.H, s.r.s, s.r.p));
          }
        });
      }
      c.appendChild(r);
    }
    return c;
  }
  function drawCard(c) {
    if (c._drawn) { return; }
    c._drawn = true;
    var s = c._struct;
    drawMap(c.querySelector('.map'), s.m, s.H, s.s, s.p, s.k);
  }

  // ---- byte map
  function leavesOf(members, holes, size, padding, kind) {
    var leaves = [];
    var union = kind === 'union';
    var lanes = union ? Math.min(MAX_LANES, Math.max(1, members.length)) : 1;
    var colour = 0;
    function add(ms, hs, depth) {
      ms.forEach(function (m, i) {
        var anonymous = m[0] === null && !m[7] && m[8];
        if (anonymous && m[1].indexOf('union') !== 0 && depth < 16) {
          add(m[8], m[9] || [], depth + 1);
          return;
        }
        var bits = m[5] || m[3] * 8;
        leaves.push({kind: m[7] ? 'base' : 'member', name: m[0] !== null ? m[0] : m[7] ? m[1] : '(anonymous)',
          type: m[1], off: m[2], size: m[3], b0: m[4], b1: m[4] + bits, bits: m[5], straddle: !!m[6],
          lane: union && depth === 0 ? Math.min(i, lanes - 1) : 0, colour: colour++,
          inner: anonymous ? m[8].map(function (x) { return x[0] || x[1]; }) : null});
      });
      hs.forEach(function (h) {
        leaves.push({kind: h[2] ? 'bits' : 'hole', b0: h[0], b1: h[0] + h[1], bits: h[1], lane: 0});
      });
    }
    add(members, holes, 0);
    if (padding > 0) { leaves.push({kind: 'pad', b0: (size - padding) * 8, b1: size * 8, bits: padding * 8, lane: 0}); }
    return {leaves: leaves, lanes: lanes};
  }
  function drawMap(map, members, holes, size, padding, kind) {
    var l = leavesOf(members, holes, size, padding, kind);
    map._leaves = l.leaves;
    var rows = Math.max(1, Math.ceil(size / CL));
    function draw(limit) {
      while (map.firstChild) { map.removeChild(map.firstChild); }
      for (var r = 0; r < Math.min(rows, limit); r++) { map.appendChild(row(l, r)); }
      if (rows > limit) {
        var b = el('button', 'all', 'show all ' + rows + ' cachelines');
        b.addEventListener('click', function () { draw(Infinity); });
        map.appendChild(b);
      }
    }
    draw(MAX_ROWS);
  }
  function row(l, r) {
    var lo = r * CL, hi = lo + CL;
    var div = el('div', 'row');
    div.appendChild(el('span', 'at', hex(lo) + (r ? ' ·' + r : '')));
    var track = el('div', 'track');
    var laneH = l.lanes > 1 ? Math.max(8, Math.floor(24 / l.lanes)) : 24;
    track.style.height = (laneH * l.lanes) + 'px';
    l.leaves.forEach(function (leaf, i) {
      var x0 = leaf.b0 / 8, x1 = leaf.b1 / 8;
      var s0 = Math.max(x0, lo), s1 = Math.min(x1, hi);
      if (!(s1 > s0)) { return; }
      var b = el('div', 'blk ' + leaf.kind + (leaf.straddle ? ' straddle' : ''));
      b.style.left = ((s0 - lo) / CL * 100) + '%';
      b.style.width = ((s1 - s0) / CL * 100) + '%';
      if (l.lanes > 1) { b.style.top = (leaf.lane * laneH) + 'px'; b.style.height = laneH + 'px'; b.style.lineHeight = (laneH - 2) + 'px'; }
      if (leaf.kind === 'member' || leaf.kind === 'base') {
        b.style.backgroundColor = 'hsl(' + ((leaf.colour * 137.508) % 360).toFixed(1) + ',62%,' + (leaf.colour % 2 ? 74 : 82) + '%)';
        b.textContent = leaf.name;
        b.dataset.name = leaf.name;
      }
      b.dataset.kind = leaf.kind;
      b.dataset.off = Math.floor(leaf.b0 / 8);
      b.dataset.bits = leaf.b1 - leaf.b0;
      b.dataset.i = i;
      track.appendChild(b);
    });
    div.appendChild(track);
    return div;
  }

  // ---- hover details
  function describe(leaf) {
    var lines = [];
    var at = Math.floor(leaf.b0 / 8);
    if (leaf.kind === 'member' || leaf.kind === 'base') {
      lines.push((leaf.kind === 'base' ? 'base ' : '') + leaf.name);
      lines.push(leaf.type);
      lines.push('offset ' + leaf.off + ' (' + hex(leaf.off) + '), size ' + plural(leaf.size, 'byte'));
      if (leaf.bits) { lines.push('bit-field: bits ' + (leaf.b0 - leaf.off * 8) + '..' + (leaf.b1 - leaf.off * 8 - 1) + ' of its unit, ' + plural(leaf.bits, 'bit')); }
      lines.push('cacheline ' + Math.floor(at / CL) + (leaf.straddle ? ', straddles into the next' : ''));
      if (leaf.inner) { lines.push('members: ' + leaf.inner.join(', ')); }
    } else if (leaf.kind === 'bits') {
      lines.push('bit hole: ' + plural(leaf.bits, 'bit') + ' at bit ' + (leaf.b0 % 8) + ' of byte ' + at);
    } else {
      var bytes = (leaf.b1 - leaf.b0) / 8;
      lines.push((leaf.kind === 'pad' ? 'trailing padding: ' : 'hole: ') + plural(bytes, 'byte') + ' at offset ' + at + ' (' + hex(at) + ')');
    }
    return lines;
  }
  list.addEventListener('mouseover', function (ev) {
    var b = ev.target.closest ? ev.target.closest('.blk') : null;
    if (!b) { return; }
    var map = b.closest('.map');
    var leaf = map && map._leaves ? map._leaves[+b.dataset.i] : null;
    if (!leaf) { return; }
    var lines = describe(leaf);
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    tip.appendChild(el('b', null, lines[0]));
    tip.appendChild(document.createTextNode('\n' + lines.slice(1).join('\n')));
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    tip.style.left = Math.min(x, window.innerWidth - 470) + 'px';
    tip.style.top = Math.min(y, window.innerHeight - 120) + 'px';
  });
  list.addEventListener('mouseout', function (ev) {
    var b = ev.target.closest ? ev.target.closest('.blk') : null;
    if (b && !(ev.relatedTarget && b.contains(ev.relatedTarget))) { tip.hidden = true; }
  });

  // ---- member tables
  function memberTable(members, holes, size, padding) {
    var t = el('table', 'members');
    var head = el('tr');
    ['offset', 'size', 'bits', 'member', 'type', ''].forEach(function (h) { head.appendChild(el('th', null, h)); });
    t.appendChild(head);
    var lines = [];
    var seq = 0;
    function add(ms, hs, depth) {
      ms.forEach(function (m) {
        var name = (m[0] !== null ? m[0] : m[7] ? '(base)' : '(anonymous)');
        lines.push({bit: m[4], seq: seq++, cls: '', cells: [m[2], m[3], m[5] ? (m[4] - m[2] * 8) + ':' + m[5] : '',
          '\u00a0\u00a0'.repeat(depth) + name, m[1], m[6] ? 'straddles a cacheline' : '']});
        if (m[8]) { add(m[8], m[9] || [], depth + 1); }
      });
      hs.forEach(function (h) {
        var bytes = h[1] / 8;
        lines.push({bit: h[0], seq: seq++, cls: h[2] ? 'bits' : 'hole', cells: [Math.floor(h[0] / 8), h[2] ? '' : bytes,
          h[2] ? (h[0] % 8) + ':' + h[1] : '', '\u00a0\u00a0'.repeat(depth) + (h[2] ? plural(h[1], 'bit') + ' hole' : plural(bytes, 'byte') + ' hole'), '', '']});
      });
    }
    add(members, holes, 0);
    for (var c = CL; c < size; c += CL) {
      lines.push({bit: c * 8, seq: -1, cls: 'line', cells: [c, '', '', 'cacheline ' + (c / CL), '', '']});
    }
    if (padding > 0) {
      lines.push({bit: (size - padding) * 8, seq: 1e9, cls: 'pad', cells: [size - padding, padding, '', 'padding', '', '']});
    }
    lines.sort(function (a, b) { return a.bit - b.bit || a.seq - b.seq; });
    lines.forEach(function (l) {
      var tr = el('tr', l.cls || null);
      l.cells.forEach(function (v, i) { tr.appendChild(el('td', i < 2 ? 'n' : null, v)); });
      t.appendChild(tr);
    });
    return t;
  }

  // ---- start
  if (location.hash.indexOf('#q=') === 0) { search.value = decodeURIComponent(location.hash.slice(3)); }
  apply();
  window.hagfishReport = {apply: apply, shown: function () { return shown.length; }, total: data.length};
  document.body.dataset.ready = '1';
})();
