import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, resolveCell } from './cell.ts';

describe('resolveCell', () => {
  it('reduces primitives', () => {
    expect(resolveCell(undefined)).toEqual({ type: 'empty' });
    expect(resolveCell(null)).toEqual({ type: 'empty' });
    expect(resolveCell(' \u3000\u00a0\ufeff')).toEqual({ type: 'empty' });
    expect(resolveCell(' 甲 ')).toEqual({ type: 'string', value: '甲' });
    expect(resolveCell(0)).toEqual({ type: 'number', value: 0 });
    expect(resolveCell(false)).toEqual({ type: 'boolean', value: false });
    expect(resolveCell(Number.POSITIVE_INFINITY).type).toBe('invalid');
    expect(resolveCell(10n).type).toBe('invalid');
    expect(resolveCell(Symbol('x')).type).toBe('invalid');
    expect(resolveCell(() => 1).type).toBe('invalid');
  });

  it('keeps tabs and line breaks (whitespace) but refuses other control characters', () => {
    expect(resolveCell('甲\n乙\t丙')).toEqual({ type: 'string', value: '甲\n乙\t丙' });
    expect(resolveCell('甲\u0007').type).toBe('invalid');
    expect(resolveCell('甲\u007f').type).toBe('invalid');
  });

  it('drops the apostrophe that exports put before text starting like a formula', () => {
    expect(resolveCell("'+86 717 6221234")).toEqual({ type: 'string', value: '+86 717 6221234' });
    expect(resolveCell(" '=甲 ")).toEqual({ type: 'string', value: '=甲' });
    expect(resolveCell("'-1")).toEqual({ type: 'string', value: '-1' });
    expect(resolveCell("'@甲")).toEqual({ type: 'string', value: '@甲' });
    // Only that guard: other apostrophes are text.
    expect(resolveCell("'甲'")).toEqual({ type: 'string', value: "'甲'" });
    expect(resolveCell("''=甲")).toEqual({ type: 'string', value: "''=甲" });
    expect(resolveCell("'")).toEqual({ type: 'string', value: "'" });
  });

  it('unwraps ExcelJS values', () => {
    expect(resolveCell({ richText: [{ text: ' 甲' }, { text: '乙 ' }] })).toEqual({ type: 'string', value: '甲乙' });
    expect(resolveCell({ richText: [] })).toEqual({ type: 'empty' });
    expect(resolveCell({ richText: [{ font: {} }] }).type).toBe('invalid');
    expect(resolveCell({ text: '甲', hyperlink: 'mailto:a@b.c' })).toEqual({ type: 'string', value: '甲' });
    expect(resolveCell({ formula: '1+1', result: 2 })).toEqual({ type: 'number', value: 2 });
    expect(resolveCell({ formula: 'NA()', result: { error: '#N/A' } })).toEqual({
      type: 'invalid',
      message: '单元格为 Excel 错误值 #N/A',
    });
    const d = new Date(Date.UTC(2020, 0, 2));
    expect(resolveCell({ sharedFormula: 'A1', result: d })).toEqual({ type: 'date', value: d });
  });

  it('stops on objects nested too deeply', () => {
    let o: unknown = '甲';
    for (let i = 0; i < 10; i++) o = { text: o };
    expect(resolveCell(o).type).toBe('invalid');
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withBigInt: true, withMap: true, withSet: true }), (v) => {
        resolveCell(v);
      }),
    );
  });
});

describe('cellText', () => {
  it('shows each kind of cell as a user reads it', () => {
    expect(cellText({ type: 'string', value: '甲' })).toBe('甲');
    expect(cellText({ type: 'number', value: 1.5 })).toBe('1.5');
    expect(cellText({ type: 'boolean', value: true })).toBe('是');
    expect(cellText({ type: 'date', value: new Date(Date.UTC(2019, 2, 1)) })).toBe('2019-03-01');
    expect(cellText({ type: 'empty' })).toBe('');
    expect(cellText({ type: 'invalid', message: 'x' })).toBe('');
  });
});
