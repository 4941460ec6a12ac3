// One row per measurement, Knead beside its baseline from the same run, printed as a plain
// aligned text table (docs/design.md §9: speed and size are measured here, never asserted in tests).

export interface BenchRow {
  readonly group: string;
  readonly metric: string;
  readonly knead: number | string;
  readonly baseline: number | string;
  /** knead ÷ baseline, already formatted (e.g. "0.004×"). */
  readonly ratio?: string;
  readonly unit: string;
  readonly note?: string;
}

/** knead ÷ baseline as text, or '' when it would not mean anything. */
export function ratioOf(knead: number, baseline: number): string {
  if (!Number.isFinite(knead) || !Number.isFinite(baseline) || baseline === 0) return '';
  return `${(knead / baseline).toFixed(3)}×`;
}

function cell(value: number | string): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

const COLUMNS = ['group', 'metric', 'knead', 'baseline', 'ratio', 'unit', 'note'] as const;

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [row.group, row.metric, cell(row.knead), cell(row.baseline), row.ratio ?? '', row.unit, row.note ?? '']);
  const widths = COLUMNS.map((name, column) => Math.max(name.length, ...cells.map((line) => (line[column] ?? '').length)));
  // Numbers read best right-aligned; text left-aligned.
  const numeric = new Set([2, 3, 4]);
  const render = (line: readonly string[]): string =>
    line
      .map((text, column) => {
        const width = widths[column] ?? 0;
        return numeric.has(column) ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const header = render(COLUMNS);
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [header, rule, ...cells.map(render)].join('\n');
}
