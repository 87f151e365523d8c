// Full-text search with Pagefind, entirely in the browser: the index (with Indonesian
// stemming) is a set of static files under pagefind/, loaded from this site only. Results are
// built with DOM calls (textContent), never by inserting the index's HTML, so nothing written
// in an SOP can run here. Without JavaScript the page offers catalogue links instead.
/* global document, window, location, history, URLSearchParams */
(function () {
  'use strict';
  var form = document.getElementById('form-cari');
  var input = document.getElementById('q');
  var status = document.getElementById('cari-status');
  var list = document.getElementById('hasil-cari');
  var only = document.getElementById('hanya-berlaku');
  if (!form || !input || !status || !list) return;
  document.documentElement.classList.add('js');
  document.getElementById('pilihan-cari').hidden = false;

  var base = document.documentElement.getAttribute('data-base') || '/';
  var MAX = 50;
  /** Results looked at when only SOPs in force are wanted. */
  var POOL = 500;
  /** Results shown before the rest are read. */
  var FIRST = 10;
  var engine;
  var seq = 0;
  var timer;

  // A province catalogue's index comes in parts (sop gabung): the first is pagefind/, the
  // others are merged into it and searched together.
  var others = (form.getAttribute('data-indeks-lain') || '').split(' ').filter(Boolean);

  function load() {
    if (!engine) {
      engine = import(base + 'pagefind/pagefind.js').then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base }))
          .then(function () {
            return Promise.all(
              others.map(function (dir) {
                return pf.mergeIndex(base + dir, { baseUrl: base });
              }),
            );
          })
          .then(function () {
            return pf;
          });
      });
    }
    return engine;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Pagefind's excerpt is HTML with <mark> around the matches: keep the text and the marks only.
  function excerpt(html) {
    var p = el('p', 'kutipan');
    var t = document.createElement('template');
    t.innerHTML = html;
    (function copy(nodes, into) {
      Array.prototype.forEach.call(nodes, function (n) {
        if (n.nodeType === 3) into.appendChild(document.createTextNode(n.nodeValue));
        else if (n.nodeType === 1 && n.nodeName === 'MARK') into.appendChild(el('mark', '', n.textContent));
        else if (n.nodeType === 1) copy(n.childNodes, into);
      });
    })(t.content.childNodes, p);
    return p;
  }

  function statusClass(label) {
    var s = String(label || '').toLowerCase();
    return /^(berlaku|digantikan|dicabut)$/.test(s) ? 'status status-' + s : 'status';
  }

  /** `partial`: the first results while the others are still read; the status stays. */
  function render(q, total, results, partial) {
    list.textContent = '';
    results.forEach(function (r) {
      var meta = r.meta || {};
      var li = el('li');
      var h = el('h2');
      var a = el('a', '', meta.title || r.url);
      a.href = r.url;
      h.appendChild(a);
      li.appendChild(h);
      var info = el('p', 'sop-meta');
      if (meta.status) info.appendChild(el('span', statusClass(meta.status), meta.status));
      if (meta.nomor) info.appendChild(el('span', 'nomor', ' ' + meta.nomor));
      li.appendChild(info);
      if (meta.instansi) li.appendChild(el('p', 'sop-asal', meta.instansi));
      li.appendChild(excerpt(r.excerpt || ''));
      list.appendChild(li);
    });
    if (partial) return;
    if (!total) status.textContent = 'Tidak ada SOP yang cocok dengan “' + q + '”. Coba kata lain, atau telusuri katalog.';
    else status.textContent = total + ' SOP ditemukan untuk “' + q + '”' + (total > results.length ? ', ' + results.length + ' teratas ditampilkan.' : '.');
  }

  // Relevance order, except that SOPs in force come before replaced or withdrawn ones.
  function isInForce(d) {
    return Boolean(d.meta) && String(d.meta.status).toLowerCase() === 'berlaku';
  }

  function inForceFirst(data) {
    var rank = function (d) {
      return isInForce(d) ? 0 : 1;
    };
    return data
      .map(function (d, i) {
        return { d: d, i: i };
      })
      .sort(function (a, b) {
        return rank(a.d) - rank(b.d) || a.i - b.i;
      })
      .map(function (x) {
        return x.d;
      });
  }

  function run(q) {
    var mine = ++seq;
    q = q.trim();
    if (!q) {
      list.textContent = '';
      status.textContent = '';
      return Promise.resolve();
    }
    status.textContent = 'Mencari…';
    var onlyInForce = only.checked;
    return load()
      .then(function (pf) {
        return pf.search(q);
      })
      .then(function (res) {
        if (mine !== seq || !res) return;
        // Pagefind's own filters are left out (their index files differ from build to build):
        // "only in force" is applied here, on the status each result carries.
        var pool = res.results.slice(0, onlyInForce ? POOL : MAX);
        var done = false;
        var reading = pool.map(function (r) {
          return r.data();
        });
        // Each result's text is a file of its own: the first few are shown as soon as they are
        // read, the list is completed (and put in order) when all are.
        if (!onlyInForce && pool.length > FIRST) {
          Promise.all(reading.slice(0, FIRST)).then(function (data) {
            if (mine === seq && !done) render(q, 0, inForceFirst(data), true);
          }, function () {});
        }
        return Promise.all(reading).then(function (data) {
          done = true;
          if (mine !== seq) return;
          if (onlyInForce) data = data.filter(isInForce);
          var total = onlyInForce ? data.length : res.results.length;
          render(q, total, inForceFirst(data).slice(0, MAX));
        });
      })
      .catch(function () {
        if (mine === seq) status.textContent = 'Pencarian tidak dapat dimuat. Telusuri katalog sebagai gantinya.';
      });
  }

  function address(q) {
    var p = new URLSearchParams();
    if (q) p.set('q', q);
    if (only.checked) p.set('berlaku', '1');
    var t = p.toString();
    return location.pathname + (t ? '?' + t : '');
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    history.pushState(null, '', address(input.value.trim()));
    run(input.value);
  });
  // The index starts loading when the box gets the focus, and the words typed are fetched while
  // the search waits for typing to pause: the first result does not wait for both in turn.
  input.addEventListener('focus', function () {
    load().catch(function () {});
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q) {
      load()
        .then(function (pf) {
          return pf.preload(q);
        })
        .catch(function () {});
    }
    timer = setTimeout(function () {
      history.replaceState(null, '', address(input.value.trim()));
      run(input.value);
    }, 250);
  });
  only.addEventListener('change', function () {
    history.replaceState(null, '', address(input.value.trim()));
    run(input.value);
  });

  function fromAddress() {
    var p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    only.checked = p.get('berlaku') === '1';
    run(input.value);
  }
  window.addEventListener('popstate', fromAddress);
  fromAddress();
})();
