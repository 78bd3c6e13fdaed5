/**
 * The page's only script: sortable column headers and row filters, in plain DOM code.
 * Without it the page is complete (every row shown, headers plain text, filter forms
 * hidden), so it only adds. Kept as ES2017 so any webview or browser runs it unbundled.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var lang = document.documentElement.lang || undefined;
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  function valueOf(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var value = cell.getAttribute('data-value');
    return value !== null ? value : cell.textContent.trim();
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    var head = table.tHead && table.tHead.rows[0];
    var body = table.tBodies[0];
    if (!head || !body) return;
    Array.prototype.forEach.call(body.rows, function (row, index) { row.setAttribute('data-order', String(index)); });
    Array.prototype.forEach.call(head.cells, function (th, index) {
      var type = th.getAttribute('data-sort');
      if (!type) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(head.cells, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', direction);
        var sign = direction === 'ascending' ? 1 : -1;
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = valueOf(a, index);
          var y = valueOf(b, index);
          var order = type === 'number' ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
          return order * sign || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('form[data-filter-for]'), function (form) {
    var table = document.getElementById(form.getAttribute('data-filter-for'));
    if (!table || !table.tBodies[0]) return;
    var output = form.querySelector('output');
    var template = output ? output.getAttribute('data-template') : '';
    function apply() {
      var query = '';
      var conditions = [];
      Array.prototype.forEach.call(form.elements, function (field) {
        var attribute = field.getAttribute('data-attr');
        if (field.type === 'search') query = field.value.trim().toLowerCase();
        else if (field.type === 'checkbox' && field.checked && attribute) conditions.push([attribute, null]);
        else if (field.tagName === 'SELECT' && field.value && attribute) conditions.push([attribute, field.value]);
      });
      var rows = table.tBodies[0].rows;
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = (!query || row.textContent.toLowerCase().indexOf(query) >= 0) && conditions.every(function (condition) {
          var actual = row.getAttribute('data-' + condition[0]) || '';
          return condition[1] === null ? actual !== '' : actual === condition[1];
        });
        row.hidden = !visible;
        if (visible) shown++;
      });
      if (output) output.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();
`;
