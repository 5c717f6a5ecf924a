// The party-organization import (党组织台账) from file to database, as the CLI runs it: what a
// new org brings with it (coverage moving the ledger category, the term, the secretary), the
// same file again changing nothing, a changed field reported with its diff, all or nothing,
// partial mode, dry run, the importer's scope.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchRow, orgFile, orgLedger, orgName } from '../../../../test/fixtures/orgImport/files.ts';
import { addMonths, localDateString } from '../../../domain/calendarDate.ts';
import { type Actor, localOperator } from '../../actor.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { appliedCleanly } from '../../testing/imports.ts';
import { IMPORTS } from '../adapters/index.ts';
import { type ImportFixture, yichangImporter } from '../importers.testing.ts';
import { runImport } from '../pipeline.ts';

let fx: ImportFixture;
let yichang: Actor;
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
});
afterAll(() => fx.close());

const run = (file: string, actor: Actor = yichang, more: { partial?: boolean; dryRun?: boolean } = {}) =>
  runImport(fx.deps, actor, IMPORTS.orgs, {
    path: file,
    fileName: 'orgs.csv',
    partial: more.partial ?? false,
    dryRun: more.dryRun ?? false,
  });
const ledger = () => orgLedger(fx.database.db);
const today = localDateString(new Date());
const categoryOf = async (id: number) =>
  (await fx.rows<{ category: string }>(sql`select category from enterprises where id = ${id}`))[0].category;
const orgByName = async (name: string) =>
  (await fx.rows<Record<string, any>>(sql`select to_jsonb(o) as j from party_orgs o where name = ${name}`)).map(
    (r) => r.j,
  )[0];

describe('a new org', () => {
  it('is created with its coverage, term and secretary; the ledger categories move at once', async () => {
    const a = await makeEnterprise(fx.database, { memberCount: 5, fullMemberCount: 5 });
    const b = await makeEnterprise(fx.database, { memberCount: 1, fullMemberCount: 1 });
    const c = await makeEnterprise(fx.database, { memberCount: 2, fullMemberCount: 2 });
    expect([await categoryOf(a.id), await categoryOf(b.id)]).toEqual(['should_form', 'joint_candidate']);
    const committee = orgName('党委');
    const branch = orgName();
    const joint = orgName('联合党支部');
    const file = orgFile([
      {
        name: committee,
        orgCode: 'yc-01',
        regionCode: '420502',
        type: '党委',
        formation: '单独组建',
        coveredUscc: a.uscc,
        establishedOn: '2019-03-01',
        secretaryName: '王书记',
        secretarySource: '企业内部',
        fullMemberCount: 5,
        termStart: '2024-03-01',
        management: '属地管理',
        managingOrg: joint,
      },
      {
        name: joint,
        regionCode: '420502',
        type: '联合党支部',
        formation: '联合组建',
        jointBasis: '区域联建',
        coveredUscc: `${b.uscc}；${c.uscc}`,
        parentOrg: 'YC-01',
        establishedOn: '2021/5/4',
        termStart: '2023-05-04',
        termEnd: '2026-05-03',
        fullMemberCount: 3,
      },
      branchRow((await makeEnterprise(fx.database)).uscc, {
        name: branch,
        parentOrg: committee,
        establishedOn: '2020年1月2日',
        dissolvedOn: '2022-01-01',
        fullMemberCount: 3,
      }),
    ]);
    const result = await run(file);
    expect(result).toMatchObject(appliedCleanly({ rows: 3, added: 3 }));

    const top = await orgByName(committee);
    const mid = await orgByName(joint);
    const low = await orgByName(branch);
    expect(top).toMatchObject({
      org_code: 'YC-01',
      type: 'committee',
      formation: 'standalone',
      secretary_source: 'internal',
      reported_full_count: 5,
      management: 'territorial',
      managing_org_id: mid.id,
      parent_id: null,
    });
    expect(mid).toMatchObject({
      formation: 'joint',
      joint_basis: 'area',
      parent_id: top.id,
      established_on: '2021-05-04',
    });
    expect(low).toMatchObject({ parent_id: top.id, dissolved_on: '2022-01-01' });
    expect([await categoryOf(a.id), await categoryOf(b.id), await categoryOf(c.id)]).toEqual([
      'standalone',
      'joint',
      'joint',
    ]);

    // The term: computed from the type when the end is not given (党委: 5 years), kept as typed otherwise.
    const elections = await fx.rows<{ org_id: number; elected_on: string; ends_on: string; term_years: number }>(
      sql`select org_id, elected_on::text, ends_on::text, term_years from org_elections
          where org_id in (${top.id}, ${mid.id}, ${low.id}) order by org_id`,
    );
    expect(elections).toEqual([
      { org_id: top.id, elected_on: '2024-03-01', ends_on: addMonths('2024-03-01', 60), term_years: 5 },
      { org_id: mid.id, elected_on: '2023-05-04', ends_on: '2026-05-03', term_years: 3 },
    ]);
    const officers = await fx.rows(
      sql`select post, person_name, start_on::text, end_on from org_officers where org_id = ${top.id}`,
    );
    expect(officers).toEqual([{ post: 'secretary', person_name: '王书记', start_on: '2024-03-01', end_on: null }]);
    // A dissolved org's coverage ended on its dissolution.
    const coverage = await fx.rows(
      sql`select start_on::text, end_on::text from org_coverages where org_id = ${low.id}`,
    );
    expect(coverage).toEqual([{ start_on: '2020-01-02', end_on: '2022-01-01' }]);

    const audit = await fx.rows<{ action: string; entity: string }>(
      sql`select action, entity from audit_log where action like 'org.%' order by seq desc limit 4`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['org.create', 'org.create', 'org.create', 'org.import']);
  });
});

describe('importing again', () => {
  let file: string;
  let enterpriseId: number;
  const name = orgName();

  beforeAll(async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
    enterpriseId = e.id;
    const parent = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { name: orgName('党委') });
    const row = {
      name,
      regionCode: '420502',
      type: '党支部',
      formation: '单独组建',
      coveredUscc: e.uscc,
      parentOrg: parent.name,
      establishedOn: '2020-06-01',
      approvedBy: '中共西陵区委组织部',
      secretaryName: '李书记',
      fullMemberCount: 4,
      termStart: '2023-06-01',
    };
    file = orgFile([row]);
    expect(await run(file)).toMatchObject({ status: 'applied', added: 1 });
  });

  it('the same file changes nothing: every row is unchanged', async () => {
    const before = await ledger();
    const result = await run(file);
    expect(result).toMatchObject({ status: 'applied', rows: 1, added: 0, changed: 0, unchanged: 1, errors: [] });
    expect(await ledger()).toEqual(before);
  });

  it('a changed field is reported with its before and after, and written', async () => {
    const other = await makeEnterprise(fx.database, { memberCount: 3, fullMemberCount: 3 });
    const changed = orgFile([
      {
        name,
        regionCode: '420502',
        type: '党支部',
        formation: '单独组建',
        coveredUscc: other.uscc,
        establishedOn: '2020-06-01',
        approvedBy: '中共西陵区委',
        secretaryName: '赵书记',
        fullMemberCount: 4,
        termStart: '2023-06-01',
      },
    ]);
    const result = await run(changed);
    expect(result).toMatchObject({ status: 'applied', added: 0, changed: 1, unchanged: 0 });
    const [row] = await fx.rows<{ diff: unknown }>(
      sql`select diff from import_rows where batch_id = ${result.batchId}`,
    );
    const org = await orgByName(name);
    expect(row.diff).toEqual({
      approvedBy: { before: '中共西陵区委组织部', after: '中共西陵区委' },
      parentOrg: { before: expect.any(String), after: null },
      coveredUscc: { before: [expect.any(String)], after: [other.uscc] },
      secretaryName: { before: '李书记', after: '赵书记' },
    });
    expect(org).toMatchObject({ approved_by: '中共西陵区委', parent_id: null });
    // Coverage moved from one enterprise to the other, and their categories with it.
    expect([await categoryOf(enterpriseId), await categoryOf(other.id)]).toEqual(['should_form', 'standalone']);
    const officers = await fx.rows(
      sql`select person_name, end_on::text from org_officers where org_id = ${org.id} order by id`,
    );
    expect(officers).toEqual([
      { person_name: '李书记', end_on: today },
      { person_name: '赵书记', end_on: null },
    ]);
  });
});

describe('all or nothing, partial, dry run', () => {
  it('a file with one bad row writes nothing', async () => {
    const e = await makeEnterprise(fx.database);
    const before = await ledger();
    const file = orgFile([branchRow(e.uscc), branchRow(e.uscc, { type: '党小组' })]);
    const result = await run(file);
    expect(result).toMatchObject({ status: 'rejected', rows: 2, added: 1 });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '组织类别',
        message: '组织类别“党小组”无效，应为以下之一：党委、党总支、党支部、联合党支部、临时党支部',
      },
    ]);
    expect(await ledger()).toEqual(before);
  });

  it('partial mode writes the valid rows, and not a row whose parent is in error', async () => {
    const [e1, e2, e3] = [
      await makeEnterprise(fx.database),
      await makeEnterprise(fx.database),
      await makeEnterprise(fx.database),
    ];
    const good = orgName();
    const bad = orgName('党委');
    const child = orgName();
    const file = orgFile([
      branchRow(e1.uscc, { name: good }),
      branchRow(e2.uscc, { name: bad, type: '党委', establishedOn: '2999-01-01' }),
      branchRow(e3.uscc, { name: child, parentOrg: bad }),
    ]);
    const result = await run(file, yichang, { partial: true });
    expect(result).toMatchObject({ status: 'applied', rows: 3, added: 1 });
    expect(result.errors).toEqual([
      { row: 3, column: '成立日期', message: `成立日期 2999-01-01 晚于今天（${today}）` },
      {
        row: 4,
        column: '上级党组织',
        message: `上级党组织“${bad}”在第 3 行，该行有错误未导入，本行也不能导入`,
      },
    ]);
    expect(await orgByName(good)).toBeDefined();
    expect(await orgByName(bad)).toBeUndefined();
    expect(await orgByName(child)).toBeUndefined();
  });

  it('a dry run checks and counts but writes nothing', async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 3, fullMemberCount: 3 });
    const before = await ledger();
    const file = orgFile([branchRow(e.uscc)]);
    const result = await run(file, yichang, { dryRun: true });
    expect(result).toMatchObject({ status: 'dry-run', rows: 1, added: 1, errors: [] });
    expect(await ledger()).toEqual(before);
  });
});

describe('dissolution by import', () => {
  it('ends the coverage on the date and moves the enterprise back', async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
    const org = await makeOrg(fx.database, [e.id], { name: orgName(), establishedOn: '2020-01-01' });
    expect(await categoryOf(e.id)).toBe('standalone');
    const yesterday = localDateString(new Date(Date.now() - 86_400_000));
    const file = orgFile([branchRow(e.uscc, { name: org.name, dissolvedOn: yesterday })]);
    const result = await run(file);
    expect(result).toMatchObject({ status: 'applied', changed: 1 });
    expect(await categoryOf(e.id)).toBe('should_form');
    const coverage = await fx.rows(sql`select end_on::text from org_coverages where org_id = ${org.id}`);
    expect(coverage).toEqual([{ end_on: yesterday }]);
  });
});

describe('scope', () => {
  it('an enterprise, a region or a parent outside the importer’s region is refused; nothing changes', async () => {
    const wuhan = await makeEnterprise(fx.database, { regionCode: '420102' });
    const local = await makeEnterprise(fx.database);
    const other = await makeEnterprise(fx.database);
    const wuhanOrg = await makeOrg(fx.database, [wuhan.id], { name: orgName(), regionCode: '420102' });
    const before = await ledger();
    const file = orgFile([
      branchRow(wuhan.uscc),
      {
        name: orgName(),
        regionCode: '420102',
        type: '党支部',
        formation: '单独组建',
        coveredUscc: local.uscc,
        establishedOn: '2020-01-01',
      },
      branchRow(other.uscc, { parentOrg: wuhanOrg.name }),
    ]);
    const result = await run(file);
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        row: 2,
        column: '覆盖企业信用代码',
        message: `覆盖企业信用代码中的“${wuhan.uscc}”对应的企业不在您的数据范围内，不能由本辖区的党组织覆盖`,
      },
      { row: 3, column: '行政区划代码', message: '行政区划代码“420102”不在您的数据范围内，不能导入该地区的党组织' },
      {
        row: 4,
        column: '上级党组织',
        message: `上级党组织“${wuhanOrg.name}”不存在或不在您的数据范围内：上级党组织须已在系统中，或在本文件中更靠前的行`,
      },
    ]);
    expect(await ledger()).toEqual(before);
  });

  it('the local operator imports anywhere', async () => {
    const e = await makeEnterprise(fx.database, { regionCode: '110101' });
    const file = orgFile([
      {
        name: orgName(),
        regionCode: '110101',
        type: '党支部',
        formation: '单独组建',
        coveredUscc: e.uscc,
        establishedOn: '2020-01-01',
      },
    ]);
    expect(await run(file, localOperator())).toMatchObject({ status: 'applied', added: 1 });
  });
});
