/*
 * The supervisor's view: reads /admin/feedback (with the admin key outside local mode) and draws it.
 * Every value is written as text (textContent), never as markup.
 */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var keyForm = document.getElementById('key-form');
  var report = document.getElementById('report');
  var latest = null;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function empty(container, text) {
    container.appendChild(el('p', text, { class: 'empty' }));
  }

  /** A table: `columns` are [heading, key, numeric]; `rows` are objects. */
  function table(container, columns, rows) {
    var t = el('table');
    var head = el('tr');
    columns.forEach(function (c) {
      head.appendChild(el('th', c[0], c[2] ? { class: 'n', scope: 'col' } : { scope: 'col' }));
    });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (row) {
      var tr = el('tr');
      columns.forEach(function (c) {
        tr.appendChild(el('td', row[c[1]], c[2] ? { class: 'n' } : {}));
      });
      body.appendChild(tr);
    });
    container.appendChild(t);
  }

  /** Horizontal bars, one per item: label on the left, count at the end of the bar. */
  function bars(container, items, label) {
    var rowHeight = 24;
    var labelWidth = 260;
    var barWidth = 320;
    var max = Math.max.apply(null, items.map(function (i) { return i.count; }).concat([1]));
    var chart = svg('svg', { width: labelWidth + barWidth + 50, height: items.length * rowHeight + 4, role: 'img', 'aria-label': label });
    chart.appendChild(svg('title', {}, label));
    items.forEach(function (item, i) {
      var y = i * rowHeight + 2;
      var name = item.label.length > 40 ? item.label.slice(0, 39) + '…' : item.label;
      chart.appendChild(svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, name));
      var width = Math.max(2, Math.round((barWidth * item.count) / max));
      chart.appendChild(svg('rect', { x: labelWidth, y: y + 3, width: width, height: rowHeight - 8, fill: '#1f4e52' }));
      chart.appendChild(svg('text', { x: labelWidth + width + 6, y: y + 15 }, item.count));
    });
    container.appendChild(chart);
  }

  function titled(data, id) {
    return data.titles[id] || id;
  }

  function draw(data) {
    latest = data;
    keyForm.hidden = true;
    report.hidden = false;
    ['weeks-chart', 'unanswered', 'down-chart', 'feedback', 'walks', 'review'].forEach(function (id) {
      document.getElementById(id).textContent = '';
    });
    document.getElementById('made').textContent = 'Report made ' + new Date(data.at).toLocaleString('en-GB') + '.';

    var weeks = document.getElementById('weeks-chart');
    if (data.unansweredByWeek.length === 0) empty(weeks, 'None yet.');
    else bars(weeks, data.unansweredByWeek.map(function (w) { return { label: w.week, count: w.count }; }), 'Unanswered questions by week');

    var unanswered = document.getElementById('unanswered');
    if (data.unanswered.length === 0) empty(unanswered, 'None yet.');
    else table(unanswered, [['Question (words that could name someone taken out)', 'query'], ['Times', 'count', true]], data.unanswered);

    var down = data.feedback.filter(function (f) { return f.notHelpful > 0; }).sort(function (a, b) { return b.notHelpful - a.notHelpful; }).slice(0, 15);
    var downChart = document.getElementById('down-chart');
    if (down.length === 0) empty(downChart, 'No thumbs down yet.');
    else bars(downChart, down.map(function (f) { return { label: titled(data, f.id), count: f.notHelpful }; }), 'Thumbs down by card');
    var feedback = document.getElementById('feedback');
    if (data.feedback.length > 0) {
      table(feedback, [['Card or outcome', 'title'], ['Helpful', 'helpful', true], ['Not helpful', 'notHelpful', true]], data.feedback.map(function (f) {
        return { title: titled(data, f.id), helpful: f.helpful, notHelpful: f.notHelpful };
      }));
    }

    var walks = document.getElementById('walks');
    if (data.walks.length === 0) empty(walks, 'No walk-throughs yet.');
    else {
      table(walks, [['Walk-through', 'title'], ['Started', 'started', true], ['Reached an outcome', 'finished', true], ['Most often left at', 'stops']], data.walks.map(function (w) {
        var stops = w.stops.slice(0, 3).map(function (s) {
          var step = titled(data, w.tree + '/' + s.node);
          var shown = step.indexOf(': ') >= 0 ? step.slice(step.indexOf(': ') + 2) : s.node;
          return shown + ' (' + s.count + ')';
        });
        return { title: titled(data, w.tree), started: w.started, finished: w.finished, stops: stops.join('; ') || 'none' };
      }));
    }

    var review = document.getElementById('review');
    var due = data.review.overdue.map(function (i) { return Object.assign({ state: 'Overdue' }, i); }).concat(
      data.review.dueSoon.map(function (i) { return Object.assign({ state: 'Due soon' }, i); }),
    );
    if (due.length === 0) empty(review, 'Nothing is due within 60 days.');
    else table(review, [['', 'state'], ['Card or walk-through', 'title'], ['Owner', 'owner'], ['Review due', 'reviewDue']], due);
  }

  function load(key) {
    var headers = key ? { authorization: 'Bearer ' + key } : {};
    return fetch('/admin/feedback', { headers: headers }).then(function (response) {
      if (response.status === 401) {
        keyForm.hidden = false;
        report.hidden = true;
        if (key) document.getElementById('key-error').textContent = 'That key was not accepted.';
        return;
      }
      if (!response.ok) throw new Error('The report answered ' + response.status);
      return response.json().then(draw);
    });
  }

  keyForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var key = document.getElementById('key').value;
    sessionStorage.setItem('waypoint-admin-key', key);
    load(key);
  });

  document.getElementById('download').addEventListener('click', function () {
    if (!latest) return;
    var link = el('a', null, { download: 'waypoint-report.json' });
    link.href = URL.createObjectURL(new Blob([JSON.stringify(latest, null, 2)], { type: 'application/json' }));
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  });

  load(sessionStorage.getItem('waypoint-admin-key') || '');
})();
