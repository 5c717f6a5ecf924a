import { describe, expect, it } from 'vitest';
import { describeColumnList } from '../enterprise/columnCases.testing.ts';
import { JOB_CODES } from '../national/codes-job.ts';
import { NEW_CLASS_CODES } from '../national/codes-new-class.ts';
import {
  MEMBER_COLUMN_KEYS,
  MEMBER_COLUMNS,
  mapMemberHeader,
  memberHeaderOf,
  memberRowCells,
} from './memberColumns.ts';

const HEADERS = MEMBER_COLUMNS.map((c) => c.header);

describeColumnList('MEMBER_COLUMNS', MEMBER_COLUMNS, {
  keys: MEMBER_COLUMN_KEYS,
  columns: [
    ['姓名', 'name', true],
    ['公民身份号码', 'idNumber', true],
    ['性别', 'sex', false],
    ['民族', 'ethnicity', false],
    ['学历', 'education', false],
    ['人员类别', 'status', true],
    ['入党日期', 'joinedOn', true],
    ['转正日期', 'fullOn', false],
    ['所在党组织', 'org', true],
    ['工作单位信用代码', 'employerUscc', false],
    ['岗位', 'position', false],
    ['联系电话', 'phone', false],
    ['是否流动党员', 'mobile', false],
    ['组织关系所在', 'relationOrg', false],
    ['工作岗位', 'jobCode', false],
    ['新社会阶层类型', 'newClass', false],
    ['是否农民工', 'migrantWorker', false],
    ['入党类型', 'joinType', false],
  ],
  choices: {
    sex: ['男', '女'],
    education: ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'],
    status: ['正式党员', '预备党员'],
    mobile: ['是', '否'],
    jobCode: JOB_CODES.map((c) => c.label),
    newClass: NEW_CLASS_CODES.map((c) => c.label),
    migrantWorker: ['是', '否'],
  },
  hints: true,
});

describe('mapMemberHeader', () => {
  it('maps the template header row', () => {
    const m = mapMemberHeader(HEADERS);
    expect([...m.columns]).toEqual(MEMBER_COLUMNS.map((c, i) => [i, c.key]));
    expect(m).toMatchObject({ unknown: [], missing: [], duplicates: [], errors: [], warnings: [] });
  });

  it('accepts the headers real rosters use, full-width and spaced', () => {
    const m = mapMemberHeader(['党员姓名', ' 身份证号 ', '党员类别', '入党时间', '所在党支部', '转正时间', '手机号码']);
    expect([...m.columns.values()]).toEqual(['name', 'idNumber', 'status', 'joinedOn', 'org', 'fullOn', 'phone']);
    expect(m.errors).toEqual([]);
    expect(mapMemberHeader(['身份证号码']).columns.get(0)).toBe('idNumber');
    expect(mapMemberHeader(['公民身份 号码（必填）']).columns.get(0)).toBe('idNumber');
    expect(mapMemberHeader(['ＩＤＮＵＭＢＥＲ']).columns.get(0)).toBe('idNumber');
  });

  it('reports missing required columns and repeated ones, in Chinese', () => {
    const m = mapMemberHeader(['姓名', '身份证号', '公民身份号码', '学历']);
    expect(m.errors).toEqual([
      {
        row: 1,
        column: '公民身份号码',
        message: '列“公民身份号码”在表头中重复出现（第 2 列（B 列）、第 3 列（C 列）），请只保留一列',
      },
      {
        row: 1,
        column: '人员类别、入党日期、所在党组织',
        message: '表头缺少必填列：人员类别、入党日期、所在党组织（表头须在第 1 行）',
      },
    ]);
  });

  it('treats prototype names as unknown headers, and keeps such text as data', () => {
    const m = mapMemberHeader(['__proto__', '姓名', 'constructor']);
    expect(m.unknown.map((u) => u.header)).toEqual(['__proto__', 'constructor']);
    expect(m.warnings[0].message).toBe('无法识别第 1 列（A 列）“__proto__”，该列已忽略');
    expect([...memberRowCells(m.columns, ['a', '__proto__', 'b'])]).toEqual([['name', '__proto__']]);
  });

  it('names columns as users see them', () => {
    expect(memberHeaderOf('fullOn')).toBe('转正日期');
  });
});
