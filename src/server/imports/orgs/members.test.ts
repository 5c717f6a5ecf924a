// The party-member import (党员名册) from file to database: members found by the keyed hash of
// their ID number and stored encrypted, the employers' member counts following, the same file
// again changing nothing, a changed field with its diff, all or nothing, partial mode, dry run,
// the importer's scope — and no full ID or phone number in anything the import writes or says.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idNumber,
  type MemberValues,
  memberFile,
  orgLedger,
  orgName,
} from '../../../../test/fixtures/orgImport/files.ts';
import { type Actor, localOperator } from '../../actor.ts';
import { createXlsxStream } from '../../files/write.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { sheetValues } from '../../testing/uploads.ts';
import { IMPORTS } from '../adapters/index.ts';
import { writeErrorReport } from '../errorReport.ts';
import { type ImportFixture, yichangImporter } from '../importers.testing.ts';
import { runImport } from '../pipeline.ts';

let fx: ImportFixture;
let yichang: Actor;
let org: { id: number; name: string };
let employer: { id: number; uscc: string };
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
  employer = await makeEnterprise(fx.database, { memberCount: 0, fullMemberCount: 0 });
  org = await makeOrg(fx.database, [employer.id], { name: orgName(), establishedOn: '2015-01-01' });
});
afterAll(() => fx.close());

const run = (file: string, actor: Actor = yichang, more: { partial?: boolean; dryRun?: boolean } = {}) =>
  runImport(fx.deps, actor, IMPORTS.members, {
    path: file,
    fileName: 'members.csv',
    partial: more.partial ?? false,
    dryRun: more.dryRun ?? false,
  });
const ledger = () => orgLedger(fx.database.db);

/** Every ID and phone number the tests wrote into a file, to look for in everything the import leaves. */
const secrets: string[] = [];
function member(more: MemberValues = {}): MemberValues {
  const id = idNumber('1988-08-08', 'female');
  const phone = `139${String(secrets.length).padStart(8, '7')}`;
  secrets.push(id, phone);
  if (typeof more.idNumber === 'string') secrets.push(more.idNumber, more.idNumber.toUpperCase());
  return {
    name: '刘芳',
    idNumber: id,
    status: '正式党员',
    joinedOn: '2012-07-01',
    fullOn: '2013-07-01',
    org: org.name,
    employerUscc: employer.uscc,
    position: '会计',
    phone,
    ...more,
  };
}

const enterpriseCounts = async (id: number) =>
  (
    await fx.rows<{ member_count: number; full_member_count: number; category: string }>(
      sql`select member_count, full_member_count, category from enterprises where id = ${id}`,
    )
  )[0];

describe('members', () => {
  const rows: MemberValues[] = [];
  let file: string;

  beforeAll(() => {
    rows.push(
      member({ name: '张伟', idNumber: idNumber('1985-06-15', 'male'), sex: '男' }),
      member({ name: '李娜', education: '大学本科', ethnicity: '汉族' }),
      // A lower-case x is accepted and stored upper-cased.
      member({
        name: '王强',
        idNumber: idNumber('1990-02-28', 'female').replace(/X$/, 'x'),
        status: '预备党员',
        fullOn: null,
        joinedOn: '2025-09-01',
        phone: null,
      }),
    );
    file = memberFile(rows);
  });

  it('are recorded encrypted, found by the hash of their ID, and their employer’s counts follow', async () => {
    expect(await enterpriseCounts(employer.id)).toMatchObject({ member_count: 0, full_member_count: 0 });
    const result = await run(file);
    expect(result).toMatchObject({ status: 'applied', rows: 3, added: 3, changed: 0, unchanged: 0, errors: [] });
    const stored = await fx.rows<Record<string, any>>(
      sql`select name, id_number, id_number_hash, birth_date::text, sex, status, full_on::text, org_id, employer_id,
            phone, phone_hash, education from members order by id`,
    );
    expect(stored.map((m) => [m.name, m.sex, m.birth_date, m.status, m.org_id, m.employer_id])).toEqual([
      ['张伟', 'male', '1985-06-15', 'full', org.id, employer.id],
      ['李娜', 'female', '1988-08-08', 'full', org.id, employer.id],
      ['王强', 'female', '1990-02-28', 'probationary', org.id, employer.id],
    ]);
    expect(stored.map((m) => fx.keys.decrypt(m.id_number))).toEqual([
      rows[0].idNumber,
      rows[1].idNumber,
      (rows[2].idNumber as string).toUpperCase(),
    ]);
    expect(stored[0].id_number_hash).toBe(fx.keys.lookupHash(rows[0].idNumber as string));
    expect(fx.keys.decrypt(stored[1].phone)).toBe(rows[1].phone);
    expect(stored[2].phone).toBeNull();
    expect(stored[1].education).toBe('bachelor');
    // The roster now gives the employer's counts: 3 members, 2 of them full.
    expect(await enterpriseCounts(employer.id)).toMatchObject({ member_count: 3, full_member_count: 2 });
  });

  it('the same file again changes nothing', async () => {
    const before = await ledger();
    const result = await run(file);
    expect(result).toMatchObject({ status: 'applied', rows: 3, added: 0, changed: 0, unchanged: 3, errors: [] });
    expect(await ledger()).toEqual(before);
  });

  it('a changed field is reported with its diff; a phone number only as changed', async () => {
    const changed = memberFile([
      rows[0],
      { ...rows[1], position: '财务主管', phone: '13912345678' },
      { ...rows[2], status: '正式党员' },
    ]);
    secrets.push('13912345678');
    const result = await run(changed, yichang, { partial: true });
    // Row 4 says full without the date: an error, and in partial mode the other rows are written.
    expect(result).toMatchObject({ status: 'applied', unchanged: 1, changed: 1 });
    const diffs = await fx.rows<{ row: number; diff: unknown }>(
      sql`select row, diff from import_rows where batch_id = ${result.batchId} and outcome = 'changed'`,
    );
    expect(diffs).toEqual([
      {
        row: 3,
        diff: { position: { before: '会计', after: '财务主管' }, phone: { before: '***', after: '***' } },
      },
    ]);
    const [m] = await fx.rows<{ position: string; phone: string }>(
      sql`select position, phone from members where name = '李娜'`,
    );
    expect([m.position, fx.keys.decrypt(m.phone)]).toEqual(['财务主管', '13912345678']);
  });

  it('a dry run writes nothing; all or nothing writes nothing', async () => {
    const before = await ledger();
    expect(await run(memberFile([member()]), yichang, { dryRun: true })).toMatchObject({
      status: 'dry-run',
      added: 1,
    });
    const rejected = await run(memberFile([member(), member({ status: '党员' })]));
    expect(rejected).toMatchObject({ status: 'rejected', rows: 2, added: 1 });
    expect(rejected.errors).toEqual([
      { row: 3, column: '人员类别', message: '人员类别“党员”无效，应为以下之一：正式党员、预备党员' },
    ]);
    expect(await ledger()).toEqual(before);
  });

  it('partial mode writes the valid rows only', async () => {
    const good = member({ name: '部分导入' });
    const result = await run(memberFile([good, member({ org: '没有这个党支部' })]), yichang, { partial: true });
    expect(result).toMatchObject({ status: 'applied', rows: 2, added: 1 });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '所在党组织',
        message: '所在党组织“没有这个党支部”不存在或不在您的数据范围内：须填写系统中已有党组织的名称或代码',
      },
    ]);
    expect(await fx.rows(sql`select name from members where name = '部分导入'`)).toHaveLength(1);
  });
});

describe('scope', () => {
  it('an org, an employer or a member of another region is refused; nothing changes', async () => {
    const wuhanEnterprise = await makeEnterprise(fx.database, { regionCode: '420102' });
    const wuhanOrg = await makeOrg(fx.database, [wuhanEnterprise.id], { name: orgName(), regionCode: '420102' });
    const theirs = member({ org: wuhanOrg.name, employerUscc: wuhanEnterprise.uscc });
    // The local operator records a member in Wuhan.
    expect(await run(memberFile([theirs]), localOperator())).toMatchObject({ status: 'applied', added: 1 });
    const before = await ledger();
    const result = await run(
      memberFile([
        member({ org: wuhanOrg.name }),
        member({ employerUscc: wuhanEnterprise.uscc }),
        { ...theirs, org: org.name, employerUscc: null },
      ]),
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: '所在党组织',
        message: `所在党组织“${wuhanOrg.name}”不存在或不在您的数据范围内：须填写系统中已有党组织的名称或代码`,
      },
      {
        row: 3,
        column: '工作单位信用代码',
        message: `工作单位信用代码“${wuhanEnterprise.uscc}”对应的企业不在您的数据范围内`,
      },
      {
        row: 4,
        column: '公民身份号码',
        message: `公民身份号码 ${(theirs.idNumber as string).slice(0, 3)}***********${(theirs.idNumber as string).slice(-4)} 不能由本辖区导入；如属组织关系转入，请在“组织关系转入”中登记`,
      },
    ]);
    expect(await ledger()).toEqual(before);
  });
});

describe('no full ID or phone number', () => {
  it('in results, issues, staging rows, diffs, audit rows or the kept files', async () => {
    // One more batch with errors that concern the numbers themselves.
    const dup = member();
    const result = await run(memberFile([dup, { ...dup }, member({ sex: '男' })]));
    expect(result.status).toBe('rejected');
    const everything = JSON.stringify([
      result,
      await fx.rows(sql`select message from import_issues`),
      await fx.rows(sql`select data, diff from import_rows`),
      await fx.rows(sql`select diff from audit_log`),
      await fx.rows(sql`select * from import_batches`),
    ]);
    // Only the encrypted copy rests; no plaintext copy outlives the reading.
    for (const f of fs.readdirSync(path.join(fx.config.dataDir, 'imports'))) expect(f).toMatch(/^\d+\.csv\.enc$/);
    const kept = fs
      .readdirSync(path.join(fx.config.dataDir, 'imports'))
      .filter((f) => f.includes('.csv'))
      .map((f) => fs.readFileSync(path.join(fx.config.dataDir, 'imports', f), 'utf8'))
      .join('\n');
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
      expect(kept).not.toContain(secret);
    }
    expect(result.errors.map((e) => e.column)).toEqual(['公民身份号码', '公民身份号码', '性别']);
  });

  it('in the error report of a user who may not see them; in full, audited, for one who may', async () => {
    const row = member({ joinedOn: '2999-01-01' });
    const result = await run(memberFile([row]));
    expect(result.status).toBe('rejected');
    const report = async (actor: Actor) => {
      const out = fs.createWriteStream(path.join(fx.config.dataDir, `report-${actor.username}.xlsx`));
      const book = createXlsxStream(out);
      await writeErrorReport(
        fx.database.db,
        actor,
        fx.keys,
        fx.config.dataDir,
        'members',
        result.batchId,
        book,
        'member.import_error_report',
      );
      await book.commit();
      const read = new ExcelJS.Workbook();
      await read.xlsx.readFile(out.path as string);
      return sheetValues(read.worksheets[0]);
    };
    const withoutReveal: Actor = { ...yichang, username: 'no-reveal', permissions: new Set(['member.import']) };
    const masked = await report(withoutReveal);
    expect(JSON.stringify(masked)).not.toContain(row.idNumber as string);
    expect(JSON.stringify(masked)).not.toContain(row.phone as string);
    expect(masked[1][1]).toBe(
      `${(row.idNumber as string).slice(0, 3)}***********${(row.idNumber as string).slice(-4)}`,
    );
    expect(masked[1].at(-1)).toContain('入党日期');
    // The masked download is audited too.
    const [maskedAudit] = await fx.rows<{ action: string; actor_name: string; diff: unknown }>(
      sql`select action, actor_name, diff from audit_log order by seq desc limit 1`,
    );
    expect(maskedAudit).toEqual({
      action: 'member.import_error_report',
      actor_name: 'no-reveal',
      diff: { kind: 'members', masked: true },
    });

    const full = await report(yichang);
    expect(full[1][1]).toBe(row.idNumber);
    const [audit] = await fx.rows<{ action: string; entity_id: string }>(
      sql`select action, entity_id from audit_log order by seq desc limit 1`,
    );
    expect(audit).toEqual({ action: 'member.reveal', entity_id: String(result.batchId) });
  });
});
