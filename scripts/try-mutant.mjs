// Applies one surviving mutant from the last Stryker report to its source file, runs the named
// test files, prints KILLED or SURVIVED, and puts the file back: the quick way to check that a new
// test kills a survivor, or that a static survivor is a false one (docs/testing.md), without a run.
//   node scripts/try-mutant.mjs list core/phone/report.ts     survivors and not-covered, as file#n
//   node scripts/try-mutant.mjs run 'core/phone/report.ts#0 core/phone/report.ts#3' -- tests/unit/phone/x.test.ts
// REPORT=<file> reads another report (default: the incremental file stryker.config.mjs writes).
// It edits the source in place: never commit while it runs (an interrupted run restores on Ctrl-C).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const REPORT = process.env.REPORT ?? 'reports/stryker-incremental.json';
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const [cmd, arg, ...rest] = process.argv.slice(2);

function findMutant(id) {
  // "core/phone/x.ts#3": the 3rd survivor listed for that file (some report ids hold commas).
  const hash = id.indexOf('#');
  if (hash > 0) {
    const file = id.slice(0, hash);
    const v = report.files[file];
    const m = v?.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')[Number(id.slice(hash + 1))];
    if (!v || !m) throw new Error(`no survivor ${id}`);
    return { file, source: v.source, m };
  }
  for (const [file, v] of Object.entries(report.files)) {
    const m = v.mutants.find((x) => x.id === String(id));
    if (m) return { file, source: v.source, m };
  }
  throw new Error(`mutant ${id} not in ${REPORT}`);
}

function describe(file, source, m) {
  const line = source.split('\n')[m.location.start.line - 1] ?? '';
  return `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (NoCoverage)' : ''}: ${JSON.stringify(m.replacement ?? '')}   <- ${line.trim().slice(0, 140)}`;
}

if (cmd === 'list') {
  const v = report.files[arg];
  if (!v) throw new Error(`${arg} not in report`);
  v.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').forEach((m, i) => console.log(`${arg}#${i}  ${describe(arg, v.source, m)}`));
} else if (cmd === 'run') {
  const sep = rest.indexOf('--');
  const tests = sep >= 0 ? rest.slice(sep + 1) : rest;
  if (tests.length === 0) throw new Error('name the test files after --');
  for (const id of arg.split(/\s+/)) { // several: quote them, space-separated
    const { file, source, m } = findMutant(id);
    const current = readFileSync(file, 'utf8');
    const oldLines = source.split('\n');
    const curLines = current.split('\n');
    const { start, end } = m.location;
    // Relocate by the text of the mutated lines if the file moved since the report.
    const block = oldLines.slice(start.line - 1, end.line).join('\n');
    let offset = null;
    for (let d = 0; d < curLines.length; d += 1) {
      for (const s of [d, -d]) {
        const at = start.line - 1 + s;
        if (at < 0 || at + (end.line - start.line) >= curLines.length) continue;
        if (curLines.slice(at, at + end.line - start.line + 1).join('\n') === block) { offset = s; break; }
      }
      if (offset !== null) break;
    }
    if (offset === null) { console.log(`SKIP (code changed) ${describe(file, source, m)}`); continue; }
    const toIndex = (lines, line, col) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
    const from = toIndex(curLines, start.line + offset, start.column);
    const to = toIndex(curLines, end.line + offset, end.column);
    const mutated = current.slice(0, from) + m.replacement + current.slice(to);
    const restore = () => writeFileSync(file, current);
    process.on('SIGINT', () => { restore(); process.exit(130); });
    writeFileSync(file, mutated);
    try {
      const r = spawnSync('npx', ['vitest', 'run', '--reporter=dot', ...tests], { encoding: 'utf8' });
      console.log(`${r.status === 0 ? 'SURVIVED' : 'KILLED  '} ${describe(file, source, m)}`);
      if (process.env.VERBOSE) console.log(r.stdout.slice(-3000), r.stderr.slice(-2000));
    } finally {
      restore();
    }
  }
} else {
  console.log('usage: list <core/file.ts> | run <id,id,...> -- <test files>');
}
