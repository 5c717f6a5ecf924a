import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeColumnList } from './columnCases.testing.ts';
import { COLUMN_KEYS, ENTERPRISE_COLUMNS, headerOf, mapHeader, normalizeHeader, rowCells } from './columns.ts';

const HEADERS = ENTERPRISE_COLUMNS.map((c) => c.header);
const REQUIRED = ['uscc', 'name', 'kind', 'regionCode', 'employees', 'memberCount'];

describeColumnList('ENTERPRISE_COLUMNS', ENTERPRISE_COLUMNS, {
  keys: COLUMN_KEYS,
  columns: [
    ['统一社会信用代码', 'uscc', true],
    ['企业名称', 'name', true],
    ['市场主体类型', 'kind', true],
    ['行政区划代码', 'regionCode', true],
    ['行业代码', 'industryCode', false],
    ['从业人员数', 'employees', true],
    ['党员数', 'memberCount', true],
    ['正式党员数', 'fullMemberCount', false],
    ['负责人姓名', 'ownerName', false],
    ['负责人政治面貌', 'ownerPoliticalStatus', false],
    ['是否规模以上', 'aboveScale', false],
    ['所在园区楼宇市场', 'cluster', false],
    ['成立日期', 'foundedOn', false],
    ['登记状态', 'registrationStatus', false],
    ['联系电话', 'phone', false],
    ['是否建立党组织', 'reportedHasOrg', false],
    ['党组织组建形式', 'reportedFormation', false],
    ['是否建立工会', 'hasUnion', false],
    ['是否建立团组织', 'hasLeague', false],
    ['是否法人单位', 'legalPerson', false],
    ['在岗职工数', 'staffOnPost', false],
    ['资本构成', 'ownership', false],
    ['中介组织类型', 'intermediaryKind', false],
  ],
  choices: {
    kind: ['私营企业', '个体工商户', '外商投资企业', '港澳台投资企业', '社会团体', '社会服务机构', '基金会', '其他'],
    ownerPoliticalStatus: ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'],
    aboveScale: ['是', '否'],
    registrationStatus: ['存续', '在营', '迁入', '迁出', '吊销', '注销'],
    reportedHasOrg: ['是', '否'],
    reportedFormation: ['单独组建', '联合组建'],
    hasUnion: ['是', '否'],
    hasLeague: ['是', '否'],
    legalPerson: ['是', '否'],
    ownership: ['独资', '含港澳台商投资', '含外商投资'],
    intermediaryKind: ['律师事务所', '会计师事务所', '税务师事务所'],
  },
  // The enterprise template explains its columns on its own sheet, not per column.
  hints: false,
});

describe('normalizeHeader', () => {
  it('folds width, removes whitespace, lower-cases, drops required marks', () => {
    expect(normalizeHeader(' 企业 名称　')).toBe('企业名称');
    expect(normalizeHeader('ＵＳＣＣ')).toBe('uscc');
    expect(normalizeHeader('*企业名称')).toBe('企业名称');
    expect(normalizeHeader('企业名称 *')).toBe('企业名称');
    expect(normalizeHeader('企业名称（必填）')).toBe('企业名称');
    expect(normalizeHeader('行业代码(选填)')).toBe('行业代码');
    expect(normalizeHeader('\uFEFF统一社会信用代码')).toBe('统一社会信用代码');
  });
});

describe('mapHeader', () => {
  it('maps the template header row', () => {
    const m = mapHeader(HEADERS);
    expect([...m.columns]).toEqual(ENTERPRISE_COLUMNS.map((c, i) => [i, c.key]));
    expect(m).toMatchObject({ unknown: [], missing: [], duplicates: [] });
  });

  it('finds columns in any order, skipping blanks and holes, with ExcelJS 1-based rows', () => {
    // ExcelJS's row.values: index 0 is a hole, blank cells are holes too.
    const values: unknown[] = [];
    values[1] = '企业名称';
    values[3] = ' 党员数 ';
    values[4] = '';
    values[5] = '统一社会信用代码';
    const m = mapHeader(values);
    expect([...m.columns]).toEqual([
      [1, 'name'],
      [3, 'memberCount'],
      [5, 'uscc'],
    ]);
    expect(m.unknown).toEqual([]);
    expect(m.missing).toEqual(['kind', 'regionCode', 'employees']);
  });

  it('normalises full-width characters and spaces in headers', () => {
    const m = mapHeader(['统一社会 信用代码', '　企业名称　', 'ｕｓｃｃ']);
    expect(m.columns.get(0)).toBe('uscc');
    expect(m.columns.get(1)).toBe('name');
    expect(m.duplicates).toEqual([{ header: '统一社会信用代码', indexes: [0, 2] }]);
  });

  it('accepts the English keys, in any letter case', () => {
    const m = mapHeader([
      'uscc',
      'NAME',
      'kind',
      'regionCode',
      'regioncode',
      'employees',
      'memberCount',
      'fullMemberCount',
    ]);
    expect(m.missing).toEqual([]);
    expect(m.columns.get(7)).toBe('fullMemberCount');
    expect(m.duplicates).toEqual([{ header: '行政区划代码', indexes: [3, 4] }]);
  });

  it('keeps the first of repeated columns and reports all their positions', () => {
    const m = mapHeader(['党员数', '企业名称', '党员数', '党员数']);
    expect(m.columns.get(0)).toBe('memberCount');
    expect(m.columns.has(2)).toBe(false);
    expect(m.duplicates).toEqual([{ header: '党员数', indexes: [0, 2, 3] }]);
  });

  it('lists unknown columns with their original text, and the required columns missing', () => {
    const m = mapHeader(['企业名称', ' 备注 ', '法定代表人']);
    expect(m.unknown).toEqual([
      { index: 1, header: '备注' },
      { index: 2, header: '法定代表人' },
    ]);
    expect(m.missing).toEqual(['uscc', 'kind', 'regionCode', 'employees', 'memberCount']);
  });

  it('treats prototype names as ordinary unknown headers', () => {
    const tricky = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'prototype',
      '__defineGetter__',
    ];
    const m = mapHeader(tricky);
    expect(m.columns.size).toBe(0);
    expect(m.unknown.map((u) => u.header)).toEqual(tricky);
    expect(m.missing).toEqual(REQUIRED);
  });

  it('reads rich-text and numeric header cells', () => {
    const m = mapHeader([{ richText: [{ text: '企业' }, { text: '名称' }] }, 2024, { error: '#REF!' }, null]);
    expect(m.columns.get(0)).toBe('name');
    expect(m.unknown).toEqual([{ index: 1, header: '2024' }]);
  });

  it('never throws, and accounts for every non-blank header cell exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...HEADERS, ...COLUMN_KEYS), fc.string(), fc.anything())),
        (cells) => {
          const m = mapHeader(cells);
          const duplicated = m.duplicates.reduce((n, d) => n + d.indexes.length - 1, 0);
          const placed = new Set([...m.columns.keys(), ...m.unknown.map((u) => u.index)]);
          expect(placed.size).toBe(m.columns.size + m.unknown.length);
          for (const required of m.missing) expect([...m.columns.values()]).not.toContain(required);
          expect(m.columns.size + m.unknown.length + duplicated).toBeLessThanOrEqual(cells.length);
        },
      ),
    );
  });

  it('maps any shuffle of decorated headers back to the same keys', () => {
    const decorate = fc.constantFrom(
      (h: string) => h,
      (h: string) => ` ${h}\u3000`,
      (h: string) => `*${h}`,
      (h: string) => `${h}（必填）`,
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...ENTERPRISE_COLUMNS]),
        fc.array(decorate, { minLength: 23, maxLength: 23 }),
        fc.array(fc.boolean(), { minLength: 23, maxLength: 23 }),
        (cols, decorations, useKey) => {
          const cells = cols.map((c, i) => decorations[i](useKey[i] ? c.key : c.header));
          const m = mapHeader(cells);
          expect([...m.columns.values()]).toEqual(cols.map((c) => c.key));
          expect(m.unknown).toEqual([]);
          expect(m.missing).toEqual(
            ENTERPRISE_COLUMNS.filter((c) => c.required && !cols.includes(c)).map((c) => c.key),
          );
        },
      ),
    );
  });
});

describe('rowCells', () => {
  it('picks each known column’s cell from a row', () => {
    const { columns } = mapHeader([undefined, '企业名称', '备注', '党员数']);
    const cells = rowCells(columns, [undefined, '某公司', '随便', 3]);
    expect([...cells]).toEqual([
      ['name', '某公司'],
      ['memberCount', 3],
    ]);
  });
});

describe('headerOf', () => {
  it('names a column as users see it', () => {
    expect(headerOf('fullMemberCount')).toBe('正式党员数');
  });
});
