import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_MESSAGES } from '../../../core/routines/library';
import { AREAS, PRESET_NOTES, SIDES, TOOLS, CUE_INTENSITIES, SESSION_STATUSES } from '../../../core/routines/model';
import { CUE_NAMES } from '../../../core/engine';

const ROOT = join(import.meta.dirname, '../../..');
const LANGS = ['en-US', 'de-DE', 'zh-CN'];

function poIds(lang: string): Map<string, string> {
  const text = readFileSync(join(ROOT, 'page/i18n', `${lang}.po`), 'utf8');
  const out = new Map<string, string>();
  const re = /msgid "((?:[^"\\]|\\.)*)"\s*\nmsgstr "((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.set(m[1] ?? '', m[2] ?? '');
  return out;
}

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pageFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Literal ids passed to t()/getText() in page/**, plus the ids built from vocabularies. */
function usedIds(): string[] {
  const ids = new Set<string>();
  for (const file of pageFiles(join(ROOT, 'page'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|getText)\(\s*'([a-z][a-z0-9.-]*)'/g)) ids.add(m[1] ?? '');
    for (const m of text.matchAll(/'((?:checkin|settings|session|summary|home|history)\.[a-z-]+)'/g)) ids.add(m[1] ?? '');
  }
  const families: Array<[string, readonly string[]]> = [
    ['area', AREAS], ['side', SIDES], ['tool', TOOLS], ['note', PRESET_NOTES], ['cue', CUE_NAMES],
    ['intensity', CUE_INTENSITIES], ['summary.status', SESSION_STATUSES],
  ];
  for (const [prefix, list] of families) for (const v of list) ids.add(`${prefix}.${v}`);
  return [...ids].sort();
}

describe('page/i18n', () => {
  it('po files - every msgid used in page/** exists in all three languages', () => {
    const used = usedIds();
    expect(used.length).toBeGreaterThan(50);
    for (const lang of LANGS) {
      const ids = poIds(lang);
      expect(used.filter((id) => !ids.has(id)), lang).toEqual([]);
    }
  });

  it('po files - every LIBRARY_MESSAGES id is translated in all three languages', () => {
    for (const lang of LANGS) {
      const ids = poIds(lang);
      for (const id of Object.keys(LIBRARY_MESSAGES)) {
        expect(ids.get(id), `${lang} ${id}`).toBeTruthy();
      }
    }
    // German and Chinese are real translations, not copies of the English.
    const en = poIds('en-US');
    for (const lang of ['de-DE', 'zh-CN']) {
      const ids = poIds(lang);
      expect(ids.get('routine.desk-reset')).not.toBe(en.get('routine.desk-reset'));
      expect(ids.get('hint.neck.slow-circles')).not.toBe(en.get('hint.neck.slow-circles'));
    }
  });

  it('po files - every msgid has a non-empty translation in all three languages, with the English {placeholders}', () => {
    const en = poIds('en-US');
    for (const lang of LANGS) {
      const text = readFileSync(join(ROOT, 'page/i18n', `${lang}.po`), 'utf8');
      const ids = poIds(lang);
      // Every entry was read (a multi-line or malformed one would be skipped by the pattern).
      expect(ids.size, `${lang}: entries read vs msgid lines`).toBe(text.match(/^msgid /gm)?.length ?? 0);
      expect([...ids].filter(([, str]) => str.trim() === '').map(([id]) => id), `${lang}: empty translations`).toEqual([]);
      const placeholders = (s: string) => [...s.matchAll(/\{[a-zA-Z]+\}/g)].map((m) => m[0]).sort();
      expect([...ids].filter(([id, str]) => placeholders(str).join() !== placeholders(en.get(id) ?? '').join()).map(([id]) => id), `${lang}: placeholders differ from English`).toEqual([]);
    }
  });

  it('po files - the three languages have the same msgids', () => {
    const [first, ...rest] = LANGS.map((lang) => [...poIds(lang).keys()].sort());
    for (const other of rest) expect(other).toEqual(first);
  });
});
