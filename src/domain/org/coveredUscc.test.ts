import { describe, expect, it } from 'vitest';
import { resolveCell } from '../enterprise/cell.ts';
import { parseUsccList, parseUsccListCell, splitUsccList } from './coveredUscc.ts';

const A = '91350100M000100Y43';
const B = '91350100M000200Y4T';
const C = '91350100M000300Y4J';
const H = '覆盖企业信用代码';

describe('splitUsccList', () => {
  it('splits on ; ； , ， and line breaks, trimming and dropping empty entries', () => {
    expect(splitUsccList(`${A};${B}`)).toEqual([A, B]);
    expect(splitUsccList(`${A}；${B}，${C}`)).toEqual([A, B, C]);
    expect(splitUsccList(`${A}\n${B}\r\n${C}`)).toEqual([A, B, C]);
    expect(splitUsccList(` ${A} ;; ,${B} ; `)).toEqual([A, B]);
    expect(splitUsccList(';；\n')).toEqual([]);
  });
});

describe('parseUsccList', () => {
  it('normalises each code: half-width, upper case', () => {
    expect(parseUsccList(`９１３５０１００ｍ０００１００ｙ４３；${B.toLowerCase()}`, H)).toEqual({
      codes: [A, B],
      repeated: [],
      errors: [],
    });
  });

  it('keeps each code once, in the order given, and says which were repeated', () => {
    expect(parseUsccList(`${A};${B};${A.toLowerCase()};${A}`, H)).toEqual({
      codes: [A, B],
      repeated: [A],
      errors: [],
    });
  });

  it('names the column alone when there is one entry', () => {
    expect(parseUsccList('91350100M000100Y44', H).errors).toEqual([
      '覆盖企业信用代码：统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
    ]);
  });

  it('names each bad entry by position and text, and keeps the good ones', () => {
    expect(parseUsccList(`${A};91350100M000100Y4;${B};91350100M00010OY43`, H)).toEqual({
      codes: [A, B],
      repeated: [],
      errors: [
        '覆盖企业信用代码第 2 个代码“91350100M000100Y4”：统一社会信用代码应为 18 位，当前为 17 位',
        '覆盖企业信用代码第 4 个代码“91350100M00010OY43”：统一社会信用代码第 15 位的“O”是非法字符（统一社会信用代码不使用字母 I、O、Z、S、V）',
      ],
    });
  });

  it('explains the separators when codes are separated otherwise', () => {
    expect(parseUsccList(`${A}、${B}`, H).errors).toEqual([
      '覆盖企业信用代码中含有“、”：多个代码之间请用分号（;）、逗号（,）或换行分隔',
    ]);
    expect(parseUsccList(`${A} ${B};${C}`, H).errors).toEqual([
      `覆盖企业信用代码第 1 个代码“${A} ${B}”中含有空格：多个代码之间请用分号（;）、逗号（,）或换行分隔`,
    ]);
    expect(parseUsccList(`${A}/${B}`, H).errors).toEqual([
      '覆盖企业信用代码中含有“/”：多个代码之间请用分号（;）、逗号（,）或换行分隔',
    ]);
  });

  it('refuses a list of separators only', () => {
    expect(parseUsccList(';；', H)).toEqual({
      codes: [],
      repeated: [],
      errors: ['覆盖企业信用代码“;；”中没有统一社会信用代码'],
    });
  });
});

describe('parseUsccListCell', () => {
  it('refuses a numeric cell, whose last digits Excel has lost', () => {
    expect(parseUsccListCell(resolveCell(913501001234568000), H).errors).toEqual([
      '覆盖企业信用代码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    ]);
  });

  it('reads rich text and line breaks from Alt+Enter', () => {
    const cell = resolveCell({ richText: [{ text: `${A}\n` }, { text: B }] });
    expect(parseUsccListCell(cell, H).codes).toEqual([A, B]);
  });
});
