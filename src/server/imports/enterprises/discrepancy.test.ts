// The reported party fields (是否建立党组织, 党组织组建形式) are compared with the ledger's
// coverage and listed as 填报不一致; they never change the coverage itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../../actor.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { enterpriseRow, importFixture, importRequest } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
});
afterAll(() => fx.close());

const PARTY_HEADER = [...HEADER, '是否建立党组织', '党组织组建形式'];
const [standalone, joint, uncovered, agrees, fresh] = [uscc(), uscc(), uscc(), uscc(), uscc()];

const discrepancies = (batchId: number) =>
  fx.rows<{ row: number; uscc: string; discrepancy: string }>(
    sql`select row, uscc, discrepancy from import_rows where batch_id = ${batchId} and discrepancy is not null order by row`,
  );

describe('reported party organization', () => {
  it('lists each disagreement with the coverage, and leaves the coverage as it is', async () => {
    const base = writeCsv([
      HEADER,
      row(standalone, '宜昌单建有限公司', 60, 5),
      row(joint, '宜昌联建有限公司', 20, 2),
      row(uncovered, '宜昌未建有限公司', 15, 1),
      row(agrees, '宜昌一致有限公司', 80, 4),
    ]);
    expect(await runImport(fx.deps, localOperator(), importRequest(base))).toMatchObject({ added: 4 });
    // The organization area keeps the coverage; here it is set behind the app's back.
    await fx.rows(sql`update enterprises set org_coverage = 'standalone' where uscc in (${standalone}, ${agrees})`);
    await fx.rows(sql`update enterprises set org_coverage = 'joint' where uscc = ${joint}`);

    const file = writeCsv([
      PARTY_HEADER,
      [...row(standalone, '宜昌单建有限公司', 60, 5), '否', ''],
      [...row(joint, '宜昌联建有限公司', 20, 2), '是', '单独组建'],
      [...row(uncovered, '宜昌未建有限公司', 15, 1), '是', '联合组建'],
      [...row(agrees, '宜昌一致有限公司', 80, 4), '是', '单独组建'],
      [...row(fresh, '宜昌新设有限公司', 9, 1), '是', ''],
    ]);
    const result = await runImport(fx.deps, localOperator(), importRequest(file));
    expect(result).toMatchObject({ status: 'applied', added: 1, changed: 4, discrepancies: 4, errors: [] });
    expect(await discrepancies(result.batchId)).toEqual([
      { row: 2, uscc: standalone, discrepancy: '填报“未建立党组织”，台账中该企业已有党组织覆盖' },
      { row: 3, uscc: joint, discrepancy: '填报组建形式为“单独组建”，台账为“联合组建”' },
      { row: 4, uscc: uncovered, discrepancy: '填报“已建立党组织”，台账中该企业没有党组织覆盖' },
      { row: 6, uscc: fresh, discrepancy: '填报“已建立党组织”，台账中该企业没有党组织覆盖' },
    ]);

    // The reported values are recorded as reported; the coverage is untouched.
    expect(await enterpriseRow(fx.database.db, standalone)).toMatchObject({
      org_coverage: 'standalone',
      reported_has_org: false,
      category: 'standalone',
    });
    expect(await enterpriseRow(fx.database.db, joint)).toMatchObject({
      org_coverage: 'joint',
      reported_has_org: true,
      reported_formation: 'standalone',
      category: 'joint',
    });
    expect(await enterpriseRow(fx.database.db, uncovered)).toMatchObject({
      org_coverage: null,
      reported_formation: 'joint',
      category: 'joint_candidate',
    });
    expect(await enterpriseRow(fx.database.db, fresh)).toMatchObject({ org_coverage: null, reported_has_org: true });
  });

  it('warns when 否 comes with a formation', async () => {
    const code = uscc();
    const file = writeCsv([PARTY_HEADER, [...row(code, '宜昌矛盾填报有限公司', 9, 1), '否', '联合组建']]);
    const result = await runImport(fx.deps, localOperator(), importRequest(file));
    expect(result).toMatchObject({ status: 'applied', added: 1, discrepancies: 0, errors: [] });
    expect(result.warnings).toEqual([
      {
        row: 2,
        column: '党组织组建形式',
        message: '是否建立党组织填写为“否”，但党组织组建形式填写了“联合组建”，请核对',
      },
    ]);
  });
});
