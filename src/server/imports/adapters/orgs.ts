// The party organization file (党组织台账): each row planned against the orgs, coverages and
// terms in the database (orgs/orgs.ts), then written from the plans.
import { countBatch } from '../batches.ts';
import { checkOrgs, writeOrgs } from '../orgs/orgs.ts';
import { orgFileAdapter } from './orgFile.ts';

export const orgImport = orgFileAdapter('orgs', async (tx, actor, batch) => {
  const plans = await checkOrgs(tx, actor, batch);
  return { counts: await countBatch(tx, batch.id), write: () => writeOrgs(tx, actor, batch.id, plans) };
});
