// ---- sortable tables (claims, documents): header buttons sort, each row opens its item ----------
var ROW_STEP = 200;  // rows drawn before "Show more"

// columns: [{name, value(row) -> string or number for sorting, cell(row) -> text or node}]
function sortableTable(columns, rows, openRow, sortBy) {
  var table = el("table", null, "data");
  var head = el("thead"), body = el("tbody");
  var sort = {column: sortBy || 0, descending: false};
  var limit = ROW_STEP;
  var headRow = head.appendChild(el("tr"));
  var footer = el("div", null, "table-foot");
  columns.forEach(function (column, index) {
    var th = headRow.appendChild(el("th"));
    th.appendChild(button(column.name, function () {
      sort = {column: index, descending: sort.column === index ? !sort.descending : false};
      draw();
    }, "sort"));
  });
  function sorted() {
    var column = columns[sort.column];
    var keyed = rows.map(function (row) { return [column.value(row), row]; });  // each key computed once
    keyed.sort(function (a, b) { var order = compare(a[0], b[0]); return sort.descending ? -order : order; });
    return keyed.map(function (pair) { return pair[1]; });
  }
  function draw() {
    Array.from(headRow.children).forEach(function (th, index) {
      th.setAttribute("aria-sort", index === sort.column ? (sort.descending ? "descending" : "ascending") : "none");
    });
    body.replaceChildren();
    sorted().slice(0, limit).forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      tr.tabIndex = 0;
      tr.addEventListener("click", function () { openRow(row, tr); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { openRow(row, tr); } });
      columns.forEach(function (column) {
        var td = tr.appendChild(el("td"));
        var cell = column.cell ? column.cell(row) : column.value(row);
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell === null || cell === undefined ? "" : String(cell); }
      });
    });
    footer.replaceChildren(el("span", rows.length ? plural(rows.length, "row") : "no row passes the filters", "meta"));
    if (rows.length > limit) {
      footer.appendChild(button("Show " + Math.min(ROW_STEP, rows.length - limit) + " more", function () { limit += ROW_STEP; draw(); }, "more"));
    }
  }
  table.appendChild(head); table.appendChild(body);
  draw();
  var box = el("div", null, "table-box");
  box.appendChild(table); box.appendChild(footer);
  return box;
}
// a select of every value with its count, "" for all
function countSelect(label, allLabel, values, current, onChange) {
  var counts = new Map();
  values.forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
  var select = el("select");
  select.setAttribute("aria-label", label);
  var all = select.appendChild(el("option", allLabel));
  all.value = "";
  Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || compare(a, b); }).forEach(function (v) {
    var option = select.appendChild(el("option", v + " (" + counts.get(v) + ")"));
    option.value = v;
  });
  select.value = counts.has(current) ? current : "";
  select.addEventListener("change", function () { onChange(select.value); });
  return select;
}
