// Records made for tests through the same services the app uses, as the local operator.
import { localDateString } from '../../domain/calendarDate.ts';
import { seeded } from '../../domain/random.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { localOperator } from '../actor.ts';
import type { Database } from '../db/client.ts';
import { enterprises } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { createOrg, type OrgCreate } from '../orgs/write.ts';

const rand = seeded(20261122);
let n = 0;

export type EnterpriseValues = typeof enterprises.$inferInsert;

/** An enterprise in the ledger, as an import would leave it (written directly: the import has its own tests). */
export async function makeEnterprise(database: Database, values: Partial<EnterpriseValues> = {}) {
  n++;
  const [row] = await database.db
    .insert(enterprises)
    .values({
      uscc: makeUscc(rand),
      name: `测试企业${n}有限公司`,
      kind: 'private',
      regionCode: '420502',
      employees: 20,
      memberCount: 0,
      fullMemberCount: 0,
      ...values,
    })
    .returning();
  return row;
}

/** A party org through the org service, covering the given enterprises. */
export async function makeOrg(database: Database, enterpriseIds: number[], values: Partial<OrgCreate> = {}) {
  n++;
  const formation = values.formation ?? (enterpriseIds.length === 1 ? 'standalone' : 'joint');
  return inScope(database.db, localOperator(), (tx) =>
    createOrg(tx, localOperator(), {
      name: `测试党支部${n}`,
      orgCode: null,
      regionCode: '420502',
      type: formation === 'joint' ? 'joint_branch' : 'branch',
      formation,
      jointBasis: formation === 'joint' ? 'area' : null,
      parentId: null,
      managingOrgId: null,
      management: null,
      approvedBy: null,
      secretarySource: null,
      reportedFullCount: null,
      reportedProbationaryCount: null,
      establishedOn: localDateString(new Date(Date.now() - 400 * 86_400_000)),
      enterpriseIds,
      ...values,
    }),
  );
}
