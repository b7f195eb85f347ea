(function () {
  'use strict';
  var box = document.querySelector('.map-box');
  var svg = box && box.querySelector('svg');
  var tip = document.getElementById('tip');
  if (svg) {
    var vb = svg.viewBox.baseVal;
    var base = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    var view = { x: base.x, y: base.y, w: base.w, h: base.h };
    var apply = function () {
      svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].map(function (n) { return Math.round(n * 100) / 100; }).join(' '));
      svg.style.setProperty('--k', String(base.w / view.w));
    };
    var zoomAt = function (factor, cx, cy) {
      var w = Math.min(base.w, Math.max(base.w / 40, view.w / factor));
      var h = w * base.h / base.w;
      if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
      view.x = cx - (cx - view.x) * w / view.w;
      view.y = cy - (cy - view.y) * h / view.h;
      view.w = w; view.h = h;
      apply();
    };
    var toMap = function (event) {
      var rect = svg.getBoundingClientRect();
      return [view.x + (event.clientX - rect.left) / rect.width * view.w, view.y + (event.clientY - rect.top) / rect.height * view.h];
    };
    svg.addEventListener('wheel', function (event) {
      event.preventDefault();
      var at = toMap(event);
      zoomAt(event.deltaY < 0 ? 1.25 : 0.8, at[0], at[1]);
    }, { passive: false });
    var drag = null;
    var dragged = false;
    svg.addEventListener('pointerdown', function (event) {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y } };
      dragged = false;
    });
    window.addEventListener('pointermove', function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
      dragged = true;
      svg.classList.add('dragging');
      var rect = svg.getBoundingClientRect();
      view.x = drag.view.x - dx / rect.width * view.w;
      view.y = drag.view.y - dy / rect.height * view.h;
      apply();
    });
    window.addEventListener('pointerup', function () { drag = null; svg.classList.remove('dragging'); });
    svg.addEventListener('click', function (event) { if (dragged) { event.preventDefault(); dragged = false; } }, true);
    document.querySelectorAll('[data-zoom]').forEach(function (button) {
      button.addEventListener('click', function () {
        var kind = button.getAttribute('data-zoom');
        if (kind === 'in') zoomAt(1.5);
        else if (kind === 'out') zoomAt(1 / 1.5);
        else { view = { x: base.x, y: base.y, w: base.w, h: base.h }; apply(); }
      });
    });
    var zoomTo = function (element) {
      var b = element.getBBox();
      var w = Math.max(b.width * 3, base.w / 5);
      view.w = Math.min(base.w, w); view.h = view.w * base.h / base.w;
      view.x = b.x + b.width / 2 - view.w / 2; view.y = b.y + b.height / 2 - view.h / 2;
      apply();
    };
    var showTip = function (element) {
      if (!tip) return;
      tip.textContent = element.getAttribute('data-tip');
      tip.hidden = false;
      var outer = box.getBoundingClientRect(), r = element.getBoundingClientRect();
      var left = Math.min(r.right - outer.left + 8, outer.width - tip.offsetWidth - 4);
      var top = Math.min(r.bottom - outer.top + 8, outer.height - tip.offsetHeight - 4);
      tip.style.left = Math.max(4, left) + 'px';
      tip.style.top = Math.max(4, top) + 'px';
    };
    var hideTip = function () { if (tip) tip.hidden = true; };
    var tipped = function (event) { return event.target.closest && event.target.closest('[data-tip]'); };
    svg.addEventListener('mouseover', function (event) { var t = tipped(event); if (t) showTip(t); });
    svg.addEventListener('mouseout', function (event) { if (tipped(event)) hideTip(); });
    svg.addEventListener('focusin', function (event) { var t = tipped(event); if (t) showTip(t); });
    svg.addEventListener('focusout', hideTip);
    svg.addEventListener('pointerup', function (event) { if (event.pointerType !== 'mouse' && !dragged) { var t = tipped(event); if (t) showTip(t); } });
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') hideTip(); });
    document.querySelectorAll('input[name="kleur"]').forEach(function (radio) {
      radio.addEventListener('change', function () {
        var page = document.querySelector('[data-mode]');
        page.classList.remove('mode-afstand', 'mode-dekking');
        page.classList.add('mode-' + radio.value);
      });
    });
    var search = document.getElementById('zoek');
    var index = document.getElementById('zoekindex');
    var results = document.getElementById('zoekresultaten');
    if (search && index && results) {
      var entries = JSON.parse(index.textContent);
      var mark = function (element) {
        svg.querySelectorAll('.hit').forEach(function (hit) { hit.classList.remove('hit'); });
        element.classList.add('hit');
        zoomTo(element);
        element.focus();
        showTip(element);
      };
      search.addEventListener('input', function () {
        var query = search.value.trim().toLowerCase();
        results.textContent = '';
        if (query.length < 2) return;
        var found = entries.filter(function (entry) { return entry.t.toLowerCase().indexOf(query) !== -1; }).slice(0, 25);
        found.forEach(function (entry) {
          var item = document.createElement('li');
          var button = document.createElement('button');
          button.type = 'button';
          button.textContent = entry.l;
          button.addEventListener('click', function () {
            var target = entry.k === 's'
              ? Array.prototype.find.call(svg.querySelectorAll('.pt'), function (p) { return p.getAttribute('data-ids').split(' ').indexOf(entry.id) !== -1; })
              : svg.querySelector('[data-gm="' + entry.id + '"]');
            if (target) mark(target);
          });
          item.appendChild(button);
          results.appendChild(item);
        });
        var status = document.getElementById('zoekstatus');
        if (status) status.textContent = found.length === 0 ? 'Niets gevonden.' : found.length + (found.length === 1 ? ' resultaat.' : ' resultaten.');
      });
    }
  }
  document.querySelectorAll('table[data-sortable]').forEach(function (table) {
    var headers = table.querySelectorAll('th[aria-sort]');
    headers.forEach(function (header, column) {
      var button = header.querySelector('button');
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) { var cell = row.cells[column]; return cell.getAttribute('data-sort') || cell.textContent; };
        var numeric = header.classList.contains('num');
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'nl');
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
