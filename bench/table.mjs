// Prints the bench rows as one plain-text table (Markdown-compatible, so it pastes into a README).

const ms = (v) => (v === undefined ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`);
const mb = (kb) => (kb === undefined || Number.isNaN(kb) ? '' : `${(kb / 1024).toFixed(0)} MB`);

function result(row) {
  if (row.skipped) return 'skipped';
  if (row.error) return 'ERROR';
  if (row.pass === null || row.pass === undefined) return 'info';
  return row.pass ? 'pass' : 'FAIL';
}

/** The table's cells for one row. */
function cells(row) {
  return [
    row.id, row.name, row.input ?? '', ms(row.ms), row.floorMs === undefined ? '' : `${ms(row.floorMs)}${row.floorLabel ? ` (${row.floorLabel})` : ''}`,
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`, mb(row.rssKB), row.note ?? '', row.target ?? '', result(row),
  ];
}

const HEAD = ['case', 'what', 'input', 'median', 'floor', 'ratio', 'peak RSS', 'note', 'target', 'result'];

/** The whole table as text, with errors and skips listed under it. */
export function formatTable(rows) {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [line(HEAD), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  for (const row of rows) {
    if (row.error) out.push(`case ${row.id} ERROR: ${row.error}`);
    if (row.skipped) out.push(`case ${row.id} ${row.skipped}`);
  }
  return out.join('\n');
}

/** True when some row failed its target or could not run. */
export const anyFailed = (rows) => rows.some((r) => r.error || r.pass === false);
