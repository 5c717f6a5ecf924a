// The party member file (党员名册): each row resolved to its org, employer and existing member
// (orgs/members.ts); ID and phone numbers staged and kept only encrypted.
import { countBatch } from '../batches.ts';
import { checkMembers } from '../orgs/members.ts';
import { writeMembers } from '../orgs/memberWrite.ts';
import { orgFileAdapter } from './orgFile.ts';

export const memberImport = orgFileAdapter('members', async (tx, actor, batch) => {
  await checkMembers(tx, actor, batch);
  return { counts: await countBatch(tx, batch.id), write: () => writeMembers(tx, actor, batch) };
});
