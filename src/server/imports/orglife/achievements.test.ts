// Importing achievements (issue #15 item 8): the seven kinds in one sheet with a 类别 column,
// what each kind carries and 万元 to two decimals checked by the achievement write path, every
// error named by row, column and rule; all or nothing; record once; a secretary for their own org.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../../domain/idNumber.ts';
import type { Actor } from '../../actor.ts';
import { memberBody } from '../../members/members.testing.ts';
import type { TestClient } from '../../testing/client.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { actorOf, importFixture, importRequest } from '../../testing/imports.ts';
import { readWorkbook, sheetValues } from '../../testing/uploads.ts';
import { IMPORTS } from '../adapters/index.ts';
import { runImport } from '../pipeline.ts';
import { achievementFile } from './files.testing.ts';

const fx = closedAfterAll(await importFixture());
const today = localDateString(new Date());
const day = addDays(today, -10);

let county: TestClient;
let countyActor: Actor;
let org: { id: number; name: string };
let otherOrg: { id: number; name: string };
let enterprise: { id: number; name: string; uscc: string };
let elsewhere: { id: number; name: string; uscc: string };

let seq = 0;
function idNumber() {
  seq++;
  const first17 = `420502199508${String(seq).padStart(2, '0')}0${seq % 10}1`;
  return first17 + idNumberCheckChar(first17);
}

const importAs = (actor: Actor, file: string, more: Parameters<typeof importRequest>[1] = {}) =>
  runImport(fx.deps, actor, IMPORTS.achievements, importRequest(file, more));
const stored = async () => (await fx.rows<{ n: number }>(sql`select count(*)::int as n from achievements`))[0].n;

beforeAll(async () => {
  const c = await fx.clientAs({ roles: ['committee'], regionCode: '420502' });
  county = c.client;
  countyActor = actorOf(c.user);
  enterprise = await makeEnterprise(fx.database, { regionCode: '420502' });
  elsewhere = await makeEnterprise(fx.database, { regionCode: '420502' });
  org = await makeOrg(fx.database, [enterprise.id], { establishedOn: '2020-01-01' });
  otherOrg = await makeOrg(fx.database, [elsewhere.id], { establishedOn: '2020-01-01' });
  for (const [o, name] of [
    [org.id, '党员甲'],
    [org.id, '党员乙'],
    [otherOrg.id, '党员丙'],
  ] as const) {
    const res = await county.post('/api/members', memberBody(o, { name, idNumber: idNumber() }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});

const base = () => ({ org: org.name, enterprise: enterprise.name, onDate: day });

describe('template', () => {
  it('one sheet with a 类别 column: the seven kinds and their forms listed', async () => {
    const res = await county.get('/api/imports/achievements/template', { binary: true });
    expect(res.status).toBe(200);
    const book = await readWorkbook(res.bytes);
    const header = sheetValues(book.getWorksheet('作用发挥')!)[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['类别', '形式', '经济效益（万元）', '金额（万元）']));
    const lists = sheetValues(book.getWorksheet('选项')!).flat();
    expect(lists).toEqual(
      expect.arrayContaining([
        '建言献策',
        '目标承诺',
        '破解难题',
        '创新项目',
        '社会贡献',
        '党员示范岗',
        '党员责任区',
        '金点子',
      ]),
    );
  });
});

describe('a good file', () => {
  it('writes all seven kinds, by USCC or name, amounts in 万元', async () => {
    const before = await stored();
    const result = await importAs(
      countyActor,
      achievementFile([
        {
          ...base(),
          kind: '建言献策',
          form: '金点子',
          content: '改进包装线',
          members: '党员甲',
          adopted: '是',
          benefit: 12.5,
        },
        { ...base(), kind: '建言献策', form: '合理化建议', content: '食堂错峰', personName: '李工' },
        {
          ...base(),
          kind: '目标承诺',
          content: '全年无事故',
          members: '党员乙',
          fromOn: '2026-01-01',
          toOn: '2026-12-31',
        },
        { ...base(), enterprise: enterprise.uscc, kind: '破解难题', content: '解决用工难', benefit: '3' },
        {
          ...base(),
          kind: '创新项目',
          form: '技术攻关',
          content: '新工艺',
          members: '党员甲、党员乙',
          benefit: 100.25,
        },
        { ...base(), kind: '社会贡献', form: '助学', content: '资助贫困学生', amount: 2.5 },
        { ...base(), kind: '党员示范岗', content: '质检示范岗', members: '党员甲', fromOn: day },
        { ...base(), kind: '党员责任区', content: '一号车间', members: '党员乙', fromOn: day },
      ]),
    );
    expect(result, JSON.stringify(result.errors)).toMatchObject({ status: 'applied', rows: 8, added: 8, errors: [] });
    expect(await stored()).toBe(before + 8);
    const [gift] = await fx.rows<{ amount: string; form: string }>(
      sql`select amount::text, form from achievements where content = '资助贫困学生'`,
    );
    expect(gift).toEqual({ amount: '2.50', form: 'student_aid' });
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from achievement_members am join achievements a on a.id = am.achievement_id
          where a.content = '新工艺'`,
    );
    expect(n).toBe(2);
  });
});

describe('every error, by row, column and rule; nothing written', () => {
  it('names each broken rule and writes none of the file', async () => {
    const before = await stored();
    const ok = { ...base(), kind: '破解难题', content: '解决物流难' };
    const rows = [
      ok, // 2
      { ...ok, org: '不存在的党支部', content: 'a' }, // 3
      { ...ok, kind: '联谊会', content: 'b' }, // 4
      { ...ok, kind: '社会贡献', form: '捐款捐物', amount: 1.234, content: 'c' }, // 5
      { ...ok, kind: '社会贡献', form: '捐款捐物', amount: -1, content: 'd' }, // 6
      { ...ok, kind: '社会贡献', form: '捐款捐物', content: 'e' }, // 7: no amount
      { ...ok, enterprise: elsewhere.name, content: 'f' }, // 8: not covered by org
      { ...ok, members: '党员丙', content: 'g' }, // 9: of another org
      { ...ok, kind: '建言献策', members: '党员甲', content: 'h' }, // 10: no form
      { ...ok, onDate: addDays(today, 1), content: 'i' }, // 11
      ok, // 12: same as row 2
      { ...ok, content: null }, // 13
      { ...ok, kind: '党员示范岗', content: 'j', fromOn: day }, // 14: no member
      { ...ok, content: '改进包装线', kind: '建言献策', form: '金点子', members: '党员甲' }, // 15: stored already
      { ...ok, org: otherOrg.name, content: 'k' }, // 16: enterprise not that org's
      { ...ok, benefit: 'abc', content: 'l' }, // 17
    ];
    const result = await importAs(countyActor, achievementFile(rows));
    expect(result.status).toBe('rejected');
    expect(await stored()).toBe(before);
    const at = (row: number) => result.errors.filter((e) => e.row === row).map((e) => `${e.column}｜${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([expect.stringMatching(/^党组织｜.*不存在或不在您的数据范围内/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^类别｜/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^金额（万元）｜.*最多保留两位小数/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^金额（万元）｜.*不能为负数/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^金额（万元）｜请填写社会贡献的金额（万元）/)]);
    expect(at(8)).toEqual([expect.stringMatching(/^企业｜.*不是 .* 覆盖的企业/)]);
    expect(at(9)).toEqual([expect.stringMatching(/^党员｜党员丙 不是 .* 的党员/)]);
    expect(at(10)).toEqual(['形式｜请选择建言献策的类别']);
    expect(at(11)).toEqual([expect.stringMatching(/^日期｜.*晚于今天/)]);
    expect(at(12)).toEqual([expect.stringMatching(/^内容｜与第 2 行是同一条破解难题/)]);
    expect(at(13)).toEqual(['内容｜请填写内容（必填项）']);
    expect(at(14)).toEqual(['党员｜请选择党员示范岗的党员']);
    expect(at(15)).toEqual([expect.stringMatching(/^内容｜.*已登记在系统中，不重复导入/)]);
    expect(at(16)).toEqual([expect.stringMatching(/^企业｜/)]);
    expect(at(17)).toEqual([expect.stringMatching(/^经济效益（万元）｜经济效益（万元）应为数字/)]);
  });
});

describe('scope', () => {
  it('a secretary records for their own org only; another county cannot see the batch', async () => {
    const secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org.id });
    const row = { kind: '破解难题', content: '书记导入', onDate: day };
    const other = await importAs(
      actorOf(secretary.user),
      achievementFile([{ ...row, org: otherOrg.name, enterprise: elsewhere.name }]),
    );
    expect(other.errors[0]).toMatchObject({ row: 2, column: '党组织' });
    const own = await importAs(actorOf(secretary.user), achievementFile([{ ...row, ...base() }]), { apply: false });
    expect(own.status).toBe('staged');
    const far = (await fx.clientAs({ roles: ['committee'], regionCode: '420506' })).client;
    expect((await far.post(`/api/imports/achievements/batches/${own.batchId}/apply`)).status).toBe(404);
    const applied = await secretary.client.post(`/api/imports/achievements/batches/${own.batchId}/apply`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', counts: { added: 1 } });
  });
});
