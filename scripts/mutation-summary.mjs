// Prints the mutation score per core/ folder against its target, then every surviving mutant
// (file:line, mutator, replacement), from Stryker's JSON report. Run by `npm run mutation`.
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
/** Targets from docs/testing.md: the engine and sync carry the session and the data. */
const TARGETS = { 'core/engine': 85, 'core/sync': 85 };
const DEFAULT_TARGET = 75;

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const folders = new Map();
const survivors = [];
for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const rel = file.replace(/\\/g, '/').replace(/^.*?(?=core\/)/, '');
  const folder = rel.split('/').length > 2 ? rel.split('/').slice(0, 2).join('/') : 'core (top level)';
  const tally = folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') tally.killed += 1;
    else if (m.status === 'Survived') tally.survived += 1;
    else if (m.status === 'NoCoverage') tally.noCoverage += 1;
    else tally.ignored += 1; // CompileError, RuntimeError, Ignored: not counted in the score
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const line = m.location.start.line;
      survivors.push(`${rel}:${line} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no test reaches it)' : ''}: ${JSON.stringify(m.replacement ?? '')}   ← ${(lines[line - 1] ?? '').trim().slice(0, 100)}`);
    }
  }
  folders.set(folder, tally);
}

console.log('\nMutation score per folder (killed ÷ (killed + survived + not covered)):');
let missed = 0;
for (const [folder, t] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  const valid = t.killed + t.survived + t.noCoverage;
  const score = valid === 0 ? 100 : (100 * t.killed) / valid;
  const target = TARGETS[folder] ?? DEFAULT_TARGET;
  if (score < target) missed += 1;
  console.log(`  ${folder.padEnd(18)} ${score.toFixed(1).padStart(5)} %  (target ${target} %)  killed ${t.killed}, survived ${t.survived}, not covered ${t.noCoverage}${score < target ? '  BELOW TARGET' : ''}`);
}
console.log(`\nSurviving mutants (${survivors.length}; the equivalent ones are listed in docs/testing.md):`);
for (const s of survivors) console.log(`  ${s}`);
process.exitCode = missed > 0 ? 1 : 0;
