// The Settings App's texts: every msgid the views look up exists in setting/i18n/{en-US,de-DE,zh-CN}.po,
// the three files hold the same msgids, and en-US keeps core's English for the ids core shares.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishT } from '../../../core/phone/messages';
import { AREAS, CUE_INTENSITIES, SIDES, TOOLS } from '../../../core/routines/model';
import { LIBRARY } from '../../../core/routines/library';
import { PLAN_CODE_MESSAGES } from '../../../core/routines/plan-code';

const ROOT = join(__dirname, '..', '..', '..');
const LANGS = ['en-US', 'de-DE', 'zh-CN'] as const;

function readPo(lang: string): Map<string, string> {
  const text = readFileSync(join(ROOT, 'setting', 'i18n', `${lang}.po`), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/msgid "((?:[^"\\]|\\.)*)"\s*\nmsgstr "((?:[^"\\]|\\.)*)"/g)) {
    const id = JSON.parse(`"${m[1] ?? ''}"`) as string;
    expect(out.has(id), `${lang}: duplicate msgid ${id}`).toBe(false);
    out.set(id, JSON.parse(`"${m[2] ?? ''}"`) as string);
  }
  return out;
}

/** Literal msgids in setting/*.ts: tr('…'), gettext('…'), and 'set.…' strings in tables. */
function literalIds(): string[] {
  const ids = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'setting')).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(ROOT, 'setting', file), 'utf8');
    for (const m of src.matchAll(/\b(?:tr|gettext)\(\s*'([^']+)'/g)) ids.add(m[1] as string);
    for (const m of src.matchAll(/'(set\.[a-z0-9.-]+)'/g)) ids.add(m[1] as string);
  }
  return [...ids];
}

/** Ids built at run time (template literals in the views and core's report). */
function dynamicIds(): string[] {
  const ids: string[] = [];
  for (const a of AREAS) ids.push(`area.${a}`);
  for (const s of SIDES) ids.push(`side.${s}`);
  for (const t of TOOLS) ids.push(`set.tool.${t}`, `tool.${t}`);
  for (const id of Object.keys(PLAN_CODE_MESSAGES)) ids.push(`set.${id}`);
  for (const s of SIDES) ids.push(`report.side-${s}`, `report.minutes-${s}`);
  for (const s of ['completed', 'stopped', 'pain']) ids.push(`report.status-${s}`);
  for (const s of ['tighter', 'looser', 'same']) ids.push(`report.trend-${s}`);
  for (const s of ['on', 'below', 'before-plan', 'plan-set', 'not-over']) ids.push(`report.week-${s}`);
  for (const n of [0, 1, 2, 3]) ids.push(`report.tight-${n}`);
  for (const i of CUE_INTENSITIES) ids.push(`intensity.${i}`);
  for (const r of LIBRARY) ids.push(r.name);
  for (const k of ['imported', 'kept', 'none', 'rejected']) ids.push(`set.import.plan-${k}`, `set.import.prefs-${k}`);
  for (const n of ['felt-good', 'still-tight', 'more-sore-than-usual', 'less-sore-than-usual', 'slept-badly', 'long-desk-day', 'after-exercise']) ids.push(`note.${n}`);
  return ids;
}

/** Ids core's report and plan-change list look up with the Settings App's `t`. */
const coreReportIds = (): string[] => {
  const ids = new Set<string>();
  for (const file of ['report.ts', 'plan-changes.ts']) {
    const src = readFileSync(join(ROOT, 'core', 'phone', file), 'utf8');
    for (const m of src.matchAll(/'((?:report|change)\.[a-z-]+)'/g)) ids.add(m[1] as string);
  }
  return [...ids];
};

describe('Settings App i18n (.po files)', () => {
  const po = Object.fromEntries(LANGS.map((l) => [l, readPo(l)])) as Record<(typeof LANGS)[number], Map<string, string>>;

  it('every msgid has a non-empty translation in all three languages', () => {
    for (const lang of LANGS) {
      const text = readFileSync(join(ROOT, 'setting', 'i18n', `${lang}.po`), 'utf8');
      // Every entry was read (a multi-line or malformed one would be skipped by the pattern).
      expect(po[lang].size, `${lang}: entries read vs msgid lines`).toBe(text.match(/^msgid /gm)?.length ?? 0);
      expect([...po[lang]].filter(([, str]) => str.trim() === '').map(([id]) => id), `${lang}: empty translations`).toEqual([]);
    }
  });

  it('the three languages hold the same msgids', () => {
    const en = [...po['en-US'].keys()].sort();
    expect(en.length).toBeGreaterThan(100);
    for (const lang of LANGS) expect([...po[lang].keys()].sort(), lang).toEqual(en);
  });

  it('every msgid used in setting/** and core/phone/report.ts is translated in every language', () => {
    const used = [...literalIds(), ...dynamicIds(), ...coreReportIds()];
    expect(used).toContain('set.overview');
    for (const lang of LANGS) {
      const missing = used.filter((id) => !po[lang].has(id) || (po[lang].get(id) ?? '') === '');
      expect(missing, lang).toEqual([]);
    }
  });

  it('German and Chinese are real translations, with the same {placeholders}', () => {
    const holes = (s: string): string => (s.match(/\{[a-z]+\}/g) ?? []).sort().join(',');
    for (const [id, en] of po['en-US']) {
      for (const lang of ['de-DE', 'zh-CN'] as const) expect(holes(po[lang].get(id) ?? ''), `${lang} ${id}`).toBe(holes(en));
    }
    expect(po['de-DE'].get('set.overview')).toBe('Übersicht');
    expect(po['zh-CN'].get('set.overview')).toBe('概览');
  });

  it('en-US keeps core English for the ids core shares (report, areas, notes, routines)', () => {
    for (const [id, text] of po['en-US']) {
      if (/^(report|area|note|routine|change|tool)\./.test(id)) expect(text, id).toBe(englishT(id));
      if (id.indexOf('set.code.') === 0 && Object.prototype.hasOwnProperty.call(PLAN_CODE_MESSAGES, id.slice(4))) {
        expect(text, id).toBe(PLAN_CODE_MESSAGES[id.slice(4) as keyof typeof PLAN_CODE_MESSAGES]);
      }
    }
  });

  it('German and Chinese area names match the watch (page/i18n)', () => {
    for (const lang of ['de-DE', 'zh-CN'] as const) {
      const watch = readFileSync(join(ROOT, 'page', 'i18n', `${lang}.po`), 'utf8');
      for (const a of AREAS) expect(watch, `${lang} area.${a}`).toContain(`msgstr "${po[lang].get(`area.${a}`) ?? '?'}"`);
    }
  });
});
