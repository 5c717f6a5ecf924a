// The national system's member roster (docs/national-files.md): read under its headers and codes,
// reconciled with what we hold (added, changed field by field, missing — never removed), errors
// by row and column in Chinese; exported in the same layout, masked without the reveal
// permission, audited; and a round trip — export, import into a second, empty deployment,
// export again — gives the same file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../test/fixtures/orgImport/files.ts';
import type { Actor } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { IMPORTS } from '../imports/adapters/index.ts';
import { listMissingMembers } from '../imports/adapters/nationalMembers.ts';
import { type ImportFixture, yichangImporter } from '../imports/importers.testing.ts';
import { runImport } from '../imports/pipeline.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { sheetValues } from '../testing/uploads.ts';
import { exportNationalMembers } from './memberExport.ts';

const HEADER = [
  '姓名',
  '性别',
  '公民身份号码',
  '民族',
  '出生日期',
  '学历',
  '人员类别',
  '学位',
  '所在党支部',
  '手机号码',
  '入党日期',
  '转正日期',
  '党龄',
  '新社会阶层类型',
  '工作岗位',
  '是否农民工',
  '是否失联党员',
  '是否流动党员',
  '入党类型',
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-national-'));
let files = 0;
async function xlsx(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员信息');
  for (const r of rows) sheet.addRow(r);
  const file = path.join(dir, `national-${++files}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

const ORG = '宜昌全国系统测试党支部';
const A = idNumber('1980-01-01', 'male');
const B = idNumber('1985-05-05', 'female');
const C = idNumber('1990-09-09', 'male');
const D = idNumber('1992-02-02', 'female');

/** A row of the national file: codes as the national system writes them, by label or by code. */
function row(id: string, name: string, birth: string, sex: string, more: Record<string, string | null> = {}) {
  const v: Record<string, string | null> = {
    姓名: name,
    性别: sex,
    公民身份号码: id,
    民族: '汉族',
    出生日期: birth,
    学历: '2',
    人员类别: '正式党员',
    学位: '学士',
    所在党支部: ORG,
    手机号码: null,
    入党日期: '2010-07-01',
    转正日期: '2011-07-01',
    党龄: '15',
    新社会阶层类型: null,
    工作岗位: '022',
    是否农民工: null,
    是否失联党员: '否',
    是否流动党员: '否',
    入党类型: null,
    ...more,
  };
  return HEADER.map((h) => v[h]);
}

let fx: ImportFixture;
let fresh: ImportFixture;
let yichang: Actor;
let freshActor: Actor;
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
  const employer = await makeEnterprise(fx.database, { memberCount: 0, fullMemberCount: 0 });
  await makeOrg(fx.database, [employer.id], { name: ORG, establishedOn: '2005-01-01' });
  // The second, empty deployment: its own database, holding only the same branch.
  ({ fx: fresh, yichang: freshActor } = await yichangImporter());
  const other = await makeEnterprise(fresh.database, { memberCount: 0, fullMemberCount: 0 });
  await makeOrg(fresh.database, [other.id], { name: ORG, establishedOn: '2005-01-01' });
  // Two deployments' migrations on a machine shared with other runs.
}, 600_000);
afterAll(async () => {
  await fx.close();
  await fresh.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const importNational = (f: ImportFixture, actor: Actor, file: string, apply = true) =>
  runImport(f.deps, actor, IMPORTS.national_members, {
    path: file,
    fileName: path.basename(file),
    partial: false,
    dryRun: false,
    apply,
  });

async function exported(f: ImportFixture, actor: Actor) {
  const { buffer } = await inScope(f.database.db, actor, (tx) => exportNationalMembers(tx, actor, f.keys, '420500'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return sheetValues(book.worksheets[0]);
}

describe('the national member file', () => {
  it('is read under its headers and codes, the unknown columns named as ignored', async () => {
    const file = await xlsx([
      HEADER,
      row(A, '赵一', '1980-01-01', '男', { 新社会阶层类型: '4', 入党类型: '正常发展', 手机号码: '13900001111' }),
      row(B, '钱二', '1985-05-05', '女', { 学历: '高中、中技', 工作岗位: '非公有制单位农民工' }),
      row(C, '孙三', '1990-09-09', '男', { 人员类别: '预备党员', 转正日期: null, 入党日期: '2025-03-01' }),
    ]);
    const result = await importNational(fx, yichang, file);
    expect(result).toMatchObject({ status: 'applied', added: 3, changed: 0, missing: 0, errors: [] });
    expect(result.warnings.map((w) => w.column).sort()).toEqual(['党龄', '学位']);
    const stored = await fx.rows<Record<string, unknown>>(
      sql`select name, education, job_code, new_class_code, migrant_worker, join_type, status
          from members order by name`,
    );
    expect(stored).toEqual([
      {
        name: '孙三',
        education: 'bachelor',
        job_code: '022',
        new_class_code: null,
        migrant_worker: null,
        join_type: null,
        status: 'probationary',
      },
      {
        name: '赵一',
        education: 'bachelor',
        job_code: '022',
        new_class_code: '4',
        migrant_worker: null,
        join_type: '正常发展',
        status: 'full',
      },
      {
        name: '钱二',
        education: 'high_school',
        job_code: '0253',
        new_class_code: null,
        migrant_worker: null,
        join_type: null,
        status: 'full',
      },
    ]);
  });

  it('is reconciled: one added, one changed field by field, one missing and kept, before anything is written', async () => {
    const file = await xlsx([
      HEADER,
      row(A, '赵一', '1980-01-01', '男', {
        新社会阶层类型: '私营企业主',
        入党类型: '正常发展',
        手机号码: '13900001111',
      }),
      // 是否农民工 是 is what 工作岗位 0253 already says: only the 工作岗位 changes.
      row(B, '钱二', '1985-05-05', '女', { 学历: '5', 工作岗位: '025', 是否农民工: '是' }),
      row(D, '李四', '1992-02-02', '女'),
    ]);
    const staged = await importNational(fx, yichang, file, false);
    expect(staged).toMatchObject({ status: 'staged', added: 1, changed: 1, unchanged: 1, missing: 1 });
    const [changed] = await fx.rows<{ diff: unknown }>(
      sql`select diff from import_rows where batch_id = ${staged.batchId} and outcome = 'changed'`,
    );
    expect(changed.diff).toEqual({
      jobCode: { before: '非公有制单位农民工', after: '非公有制单位工勤技能人员' },
    });
    const missing = await inScope(fx.database.db, yichang, (tx) =>
      listMissingMembers(tx, yichang, staged.batchId, { page: 1, pageSize: 10 }),
    );
    expect([missing.total, missing.rows.map((r) => r.name)]).toEqual([1, ['孙三']]);
    // Nothing is written before confirmation.
    expect(await fx.rows(sql`select name from members where name = '李四'`)).toEqual([]);

    const applied = await importNational(fx, yichang, file);
    expect(applied).toMatchObject({ status: 'applied', added: 1, changed: 1, missing: 1 });
    // The missing member stays on the roster: members leave only by a recorded reason.
    expect(await fx.rows(sql`select name from members where left_on is null order by name`)).toEqual([
      { name: '孙三' },
      { name: '李四' },
      { name: '赵一' },
      { name: '钱二' },
    ]);
  });

  it('refuses a row by row and column in Chinese, writing nothing', async () => {
    const file = await xlsx([
      HEADER,
      row(idNumber('1970-03-03', 'male'), '周五', '1970-03-04', '男', { 学历: '9', 工作岗位: '999' }),
    ]);
    const before = await fx.rows(sql`select count(*)::int as n from members`);
    const result = await importNational(fx, yichang, file);
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '学历'],
      [2, '工作岗位'],
      [2, '出生日期'],
    ]);
    expect(result.errors[2].message).toContain('与公民身份号码中的出生日期不符');
    expect(await fx.rows(sql`select count(*)::int as n from members`)).toEqual(before);
  });
});

describe('the export in the same layout', () => {
  it('masks the numbers without the reveal permission, and audits either way', async () => {
    const masked = { ...yichang, permissions: new Set([...yichang.permissions].filter((p) => p !== 'member.reveal')) };
    const rows = await exported(fx, masked as Actor);
    expect(rows[0]).toEqual(rows[0].map((_, i) => rows[0][i]));
    const idColumn = (rows[0] as string[]).indexOf('公民身份号码');
    expect(rows.slice(1).every((r) => String(r[idColumn]).includes('*'))).toBe(true);
    const full = await exported(fx, yichang);
    expect(full.slice(1).map((r) => r[idColumn])).toEqual(expect.arrayContaining([A, B, C, D]));
    const audits = await fx.rows<{ diff: { revealed?: string[] } }>(
      sql`select diff from audit_log where action = 'member.national_export' order by seq`,
    );
    expect(audits.map((a) => Boolean(a.diff.revealed))).toEqual([false, true]);
  });

  it('round-trips: exported, imported into an empty deployment and exported again, the file is the same', async () => {
    const first = await exported(fx, yichang);
    expect(first[0]).toEqual([
      '姓名',
      '性别',
      '公民身份号码',
      '民族',
      '出生日期',
      '学历',
      '人员类别',
      '所在党支部',
      '手机号码',
      '入党日期',
      '转正日期',
      '新社会阶层类型',
      '工作岗位',
      '是否农民工',
      '是否失联党员',
      '是否流动党员',
      '入党类型',
    ]);
    expect(first).toHaveLength(5);
    const file = await xlsx(first);
    const result = await importNational(fresh, freshActor, file);
    expect(result).toMatchObject({ status: 'applied', added: 4, changed: 0, missing: 0, errors: [] });
    expect(await exported(fresh, freshActor)).toEqual(first);
    // And the same file back into the first deployment changes nothing.
    const again = await importNational(fx, yichang, file);
    expect(again).toMatchObject({ status: 'applied', added: 0, changed: 0, unchanged: 4, missing: 0 });
  });
});
