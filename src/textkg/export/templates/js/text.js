// ---- passages of article text: the sentence around a span, with the parts to highlight ---------
// Offsets are UTF-16 code units (converted when the page was written), the unit of JS strings.
var MAX_PASSAGE = 400;  // longer "sentences" (lists, tables) are cut around the span

function bisectRight(sorted, value) {
  var low = 0, high = sorted.length;
  while (low < high) { var mid = (low + high) >> 1; if (sorted[mid] <= value) { low = mid + 1; } else { high = mid; } }
  return low;
}
function isLowSurrogate(code) { return code >= 0xdc00 && code <= 0xdfff; }
// a cut made by arithmetic (not by a record offset) moves off the middle of a surrogate pair
function safeCut(text, at) {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}
// [left, right]: the sentence(s) holding [start, end], at most MAX_PASSAGE long around the span
function passageBounds(doc, start, end) {
  var starts = doc.sentences;
  var left = starts[bisectRight(starts, start) - 1];
  var after = bisectRight(starts, Math.max(end, start + 1) - 1);
  var right = after < starts.length ? starts[after] : doc.text.length;
  if (right - left > MAX_PASSAGE) {
    left = Math.max(left, start - MAX_PASSAGE / 2);
    right = Math.min(right, Math.max(end, left + MAX_PASSAGE));
  }
  return [safeCut(doc.text, left), safeCut(doc.text, right)];
}
// the marks inside [left, right], clipped, sorted and merged where they touch
function mergeMarks(marks, left, right) {
  var merged = [];
  marks.map(function (m) { return [Math.max(m[0], left), Math.min(m[1], right)]; })
    .filter(function (m) { return m[0] < m[1]; })
    .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
    .forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) { last[1] = Math.max(last[1], m[1]); } else { merged.push([m[0], m[1]]); }
    });
  return merged;
}
// text and <mark>s of doc.text between left and right
function passageNodes(doc, left, right, marks) {
  var nodes = [], at = left;
  mergeMarks(marks, left, right).forEach(function (m) {
    nodes.push(doc.text.slice(at, m[0]));
    nodes.push(el("mark", doc.text.slice(m[0], m[1])));
    at = m[1];
  });
  nodes.push(doc.text.slice(at, right).replace(/\s+$/, ""));
  return nodes;
}
