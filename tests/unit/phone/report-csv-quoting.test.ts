// The report's CSV twin is for spreadsheets (docs/design.md): every row has every column, and text
// holding a comma, a double quote, a carriage return or a line feed is quoted the RFC 4180 way
// (doubled quotes inside), so a standard CSV reader gets the person's text back exactly; plain text
// is left bare. Read here with a small RFC 4180 reader written for the test.

import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, buildReportCsv } from '../../../core/phone/report-csv';
import { BASE_START, DAY_MS, makeRecord, makeStep } from '../../fixtures/records';

/** RFC 4180: fields split by commas, records by CRLF; a quoted field may hold anything, "" is one quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

const TEXTS = ['plain words', 'a, b', 'she said "ouch"', 'first\nsecond', 'first\rsecond', 'first\r\nsecond', '"', ','];

describe('report CSV quoting', () => {
  it('report CSV - any note text comes back exactly through an RFC 4180 reader; every row has every column', () => {
    const records = TEXTS.map((_, i) => makeRecord({ startedAt: BASE_START + i * DAY_MS, steps: [makeStep({ area: 'neck' })] }));
    const notes = records.map((r, i) => ({ sessionId: r.id, text: TEXTS[i] as string, updatedAt: 1 }));
    const csv = buildReportCsv({ records, notes, plan: null, from: BASE_START, to: BASE_START + 30 * DAY_MS, tzOffsetMin: 60 });
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + records.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const note = CSV_COLUMNS.indexOf('note');
    expect(rows.slice(1).map((r) => r[note])).toEqual(TEXTS);
  });

  it('report CSV - plain text is written bare, special text quoted', () => {
    const record = makeRecord({ steps: [makeStep({ area: 'neck' })] });
    const csvWith = (text: string): string => {
      const csv = buildReportCsv({ records: [record], notes: [{ sessionId: record.id, text, updatedAt: 1 }], plan: null, from: BASE_START, to: BASE_START + DAY_MS, tzOffsetMin: 60 });
      // The one step's row: after the header's CRLF, without the final CRLF.
      return csv.slice(csv.indexOf('\r\n') + 2, -2);
    };
    expect(csvWith('plain words').endsWith(',plain words')).toBe(true);
    expect(csvWith('a, b').endsWith(',"a, b"')).toBe(true);
    expect(csvWith('say "hi"').endsWith(',"say ""hi"""')).toBe(true);
    expect(csvWith('x\ry').endsWith(',"x\ry"')).toBe(true);
  });

  it('report CSV - no sessions in the period is the header alone, ended by CRLF', () => {
    expect(buildReportCsv({ records: [makeRecord()], notes: [], plan: null, from: BASE_START + DAY_MS, to: BASE_START + 2 * DAY_MS, tzOffsetMin: 60 })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
