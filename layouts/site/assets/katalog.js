// Catalogue filters, faster with JavaScript. Without it every filter is a plain link to a
// pre-rendered page (/katalog/status/berlaku/ …). With it, on the full catalogue the same links
// filter the list in place and combine (instansi + status + tahun …), the choice is kept in the
// address (?status=berlaku&tahun=2024) and a text box narrows by name or number; on a filtered
// page a link leads to the full catalogue with both filters applied. No inline script: the
// site's Content-Security-Policy forbids it.
/* global document, window, location, history, URLSearchParams */
(function () {
  'use strict';
  var root = document.querySelector('.katalog');
  var list = document.getElementById('daftar-sop');
  if (!root || !list) return;
  document.documentElement.classList.add('js');

  var base = document.documentElement.getAttribute('data-base') || '/';
  var full = list.hasAttribute('data-semua');
  var DIMS = ['instansi', 'unit', 'status', 'tahun'];
  var items = Array.prototype.slice.call(list.querySelectorAll('.sop-item'));
  var links = Array.prototype.slice.call(document.querySelectorAll('.saring a[data-f]'));
  var count = document.getElementById('katalog-jumlah');
  var empty = document.getElementById('katalog-kosong');

  function parse(search) {
    var p = new URLSearchParams(search);
    var s = {};
    DIMS.concat('q').forEach(function (d) {
      var v = p.get(d);
      if (v) s[d] = v;
    });
    return s;
  }

  function query(s) {
    var p = new URLSearchParams();
    DIMS.concat('q').forEach(function (d) {
      if (s[d]) p.set(d, s[d]);
    });
    var t = p.toString();
    return t ? '?' + t : '';
  }

  function toggle(s, f) {
    if (f === 'semua') return {};
    var i = f.indexOf('=');
    var dim = f.slice(0, i);
    var value = f.slice(i + 1);
    var next = {};
    Object.keys(s).forEach(function (k) {
      next[k] = s[k];
    });
    if (next[dim] === value) delete next[dim];
    else next[dim] = value;
    // A unit belongs to one instansi: choosing another instansi drops the unit, and a unit replaces the instansi.
    if (dim === 'instansi' && next.unit && next.unit.split('/')[0] !== next.instansi) delete next.unit;
    if (dim === 'unit' && next.unit) delete next.instansi;
    return next;
  }

  function matches(li, s, words) {
    var d = li.dataset;
    if (s.instansi && d.instansi !== s.instansi) return false;
    if (s.unit && d.unit !== s.unit) return false;
    if (s.status && d.status !== s.status) return false;
    if (s.tahun && d.tahun !== s.tahun) return false;
    return words.every(function (w) {
      return d.cari.indexOf(w) >= 0;
    });
  }

  function apply(s) {
    var words = (s.q || '').toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li, s, words);
      li.hidden = !ok;
      if (ok) shown++;
    });
    var strong = count.querySelector('strong');
    if (strong) strong.textContent = String(shown);
    count.lastChild.textContent = shown === items.length ? ' SOP' : ' SOP dari ' + items.length;
    empty.hidden = shown > 0;
    var any = DIMS.some(function (d) {
      return s[d];
    });
    links.forEach(function (a) {
      var f = a.getAttribute('data-f');
      var on = f === 'semua' ? !any : s[f.slice(0, f.indexOf('='))] === f.slice(f.indexOf('=') + 1);
      if (on) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
  }

  // On a phone the filters start folded, so the list is what one sees first.
  var fold = document.querySelector('.saring-lipat');
  if (fold && window.matchMedia && window.matchMedia('(max-width: 55.99rem)').matches) fold.open = false;

  var own = {};
  if (root.dataset.filter) own[root.dataset.filter] = root.dataset.value;
  var state = full ? parse(location.search) : own;

  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-f]') : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var next = toggle(state, a.getAttribute('data-f'));
    if (!full) {
      location.href = base + 'katalog/' + query(next);
      return;
    }
    state = next;
    apply(state);
    history.pushState(null, '', location.pathname + query(state));
  });

  if (full) {
    window.addEventListener('popstate', function () {
      state = parse(location.search);
      input.value = state.q || '';
      apply(state);
    });
    // A text box to narrow by name or number, only where the whole list is on the page.
    var box = document.createElement('p');
    box.className = 'saring-teks';
    var label = document.createElement('label');
    label.setAttribute('for', 'saring-teks');
    label.textContent = 'Nama atau nomor SOP';
    var input = document.createElement('input');
    input.type = 'search';
    input.id = 'saring-teks';
    input.autocomplete = 'off';
    input.value = state.q || '';
    box.appendChild(label);
    box.appendChild(input);
    var summary = document.querySelector('.saring summary');
    summary.parentNode.insertBefore(box, summary.nextSibling);
    input.addEventListener('input', function () {
      if (input.value.trim()) state.q = input.value.trim();
      else delete state.q;
      apply(state);
      history.replaceState(null, '', location.pathname + query(state));
    });
    apply(state);
  }
})();
