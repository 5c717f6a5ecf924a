import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeColumnList } from '../enterprise/columnCases.testing.ts';
import { mapOrgHeader, ORG_COLUMN_KEYS, ORG_COLUMNS, orgHeaderOf, orgRowCells } from './orgColumns.ts';

const HEADERS = ORG_COLUMNS.map((c) => c.header);
const REQUIRED = ['name', 'regionCode', 'type', 'formation', 'coveredUscc', 'establishedOn'];

describeColumnList('ORG_COLUMNS', ORG_COLUMNS, {
  keys: ORG_COLUMN_KEYS,
  columns: [
    ['党组织名称', 'name', true],
    ['党组织代码', 'orgCode', false],
    ['行政区划代码', 'regionCode', true],
    ['组织类别', 'type', true],
    ['组建形式', 'formation', true],
    ['联建类型', 'jointBasis', false],
    ['覆盖企业信用代码', 'coveredUscc', true],
    ['上级党组织', 'parentOrg', false],
    ['成立日期', 'establishedOn', true],
    ['批准机关', 'approvedBy', false],
    ['书记姓名', 'secretaryName', false],
    ['书记来源', 'secretarySource', false],
    ['正式党员数', 'fullMemberCount', false],
    ['预备党员数', 'probationaryCount', false],
    ['本届任期开始', 'termStart', false],
    ['本届任期届满', 'termEnd', false],
    ['管理方式', 'management', false],
    ['管理党组织', 'managingOrg', false],
    ['撤销日期', 'dissolvedOn', false],
  ],
  choices: {
    type: ['党委', '党总支', '党支部', '联合党支部', '临时党支部'],
    formation: ['单独组建', '联合组建'],
    jointBasis: ['区域联建', '行业联建'],
    secretarySource: ['企业内部', '下派', '选聘'],
    management: ['属地管理', '行业管理'],
  },
  hints: true,
});

describe('mapOrgHeader', () => {
  it('maps the template header row', () => {
    const m = mapOrgHeader(HEADERS);
    expect([...m.columns]).toEqual(ORG_COLUMNS.map((c, i) => [i, c.key]));
    expect(m).toMatchObject({ unknown: [], missing: [], duplicates: [], errors: [], warnings: [] });
  });

  it('finds columns in any order, skipping blanks and holes', () => {
    const values: unknown[] = [];
    values[1] = '成立日期';
    values[3] = ' 党组织名称 ';
    values[4] = '';
    values[6] = '覆盖企业信用代码';
    const m = mapOrgHeader(values);
    expect([...m.columns]).toEqual([
      [1, 'establishedOn'],
      [3, 'name'],
      [6, 'coveredUscc'],
    ]);
    expect(m.missing).toEqual(['regionCode', 'type', 'formation']);
  });

  it('normalises full-width characters, spaces and required marks', () => {
    const m = mapOrgHeader(['党组织 名称', '　组建形式　', '*成立日期', '组织类别（必填）', 'ＯＲＧＣＯＤＥ']);
    expect([...m.columns.values()]).toEqual(['name', 'formation', 'establishedOn', 'type', 'orgCode']);
  });

  it('accepts aliases and the English keys', () => {
    const m = mapOrgHeader([
      '党组织全称',
      '区划代码',
      '党组织类别',
      'formation',
      '覆盖企业统一社会信用代码',
      '建立日期',
    ]);
    expect([...m.columns.values()]).toEqual([
      'name',
      'regionCode',
      'type',
      'formation',
      'coveredUscc',
      'establishedOn',
    ]);
    expect(m.errors).toEqual([]);
  });

  it('reports missing required columns, in Chinese, on the header row', () => {
    const m = mapOrgHeader(['党组织名称', '组建形式'], { headerRow: 3 });
    expect(m.missing).toEqual(['regionCode', 'type', 'coveredUscc', 'establishedOn']);
    expect(m.errors).toEqual([
      {
        row: 3,
        column: '行政区划代码、组织类别、覆盖企业信用代码、成立日期',
        message: '表头缺少必填列：行政区划代码、组织类别、覆盖企业信用代码、成立日期（表头须在第 1 行）',
      },
    ]);
  });

  it('keeps the first of a repeated column and reports every position', () => {
    const m = mapOrgHeader([...HEADERS, '党组织全称', 'name']);
    expect(m.columns.get(0)).toBe('name');
    expect(m.columns.has(19)).toBe(false);
    expect(m.duplicates).toEqual([{ header: '党组织名称', indexes: [0, 19, 20] }]);
    expect(m.errors).toEqual([
      {
        row: 1,
        column: '党组织名称',
        message: '列“党组织名称”在表头中重复出现（第 1 列（A 列）、第 20 列（T 列）、第 21 列（U 列）），请只保留一列',
      },
    ]);
  });

  it('lists unknown columns as warnings', () => {
    const m = mapOrgHeader([...HEADERS, ' 备注 ']);
    expect(m.unknown).toEqual([{ index: 19, header: '备注' }]);
    expect(m.errors).toEqual([]);
    expect(m.warnings).toEqual([{ row: 1, column: '备注', message: '无法识别第 20 列（T 列）“备注”，该列已忽略' }]);
  });

  it('treats prototype names as ordinary unknown headers', () => {
    const tricky = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
    const m = mapOrgHeader(tricky);
    expect(m.columns.size).toBe(0);
    expect(m.unknown.map((u) => u.header)).toEqual(tricky);
    expect(m.missing).toEqual(REQUIRED);
  });

  it('keeps a __proto__ cell in a data row as data', () => {
    const { columns } = mapOrgHeader(['__proto__', '党组织名称']);
    const cells = orgRowCells(columns, ['x', '__proto__']);
    expect([...cells]).toEqual([['name', '__proto__']]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('never throws, and accounts for every non-blank header cell once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...HEADERS, ...ORG_COLUMN_KEYS), fc.string(), fc.anything())),
        (cells) => {
          const m = mapOrgHeader(cells);
          const duplicated = m.duplicates.reduce((n, d) => n + d.indexes.length - 1, 0);
          expect(m.columns.size + m.unknown.length + duplicated).toBeLessThanOrEqual(cells.length);
          expect(m.errors.length).toBe(m.duplicates.length + (m.missing.length > 0 ? 1 : 0));
          expect(m.warnings.length).toBe(m.unknown.length);
        },
      ),
    );
  });
});

describe('orgRowCells, orgHeaderOf', () => {
  it('picks each known column’s cell from a row', () => {
    const { columns } = mapOrgHeader(['党组织名称', '备注', '成立日期']);
    expect([...orgRowCells(columns, ['某党支部', '随便', '2019-03-01'])]).toEqual([
      ['name', '某党支部'],
      ['establishedOn', '2019-03-01'],
    ]);
    expect(orgHeaderOf('coveredUscc')).toBe('覆盖企业信用代码');
  });
});
