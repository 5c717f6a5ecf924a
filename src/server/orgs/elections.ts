import { eq } from 'drizzle-orm';
import type { OrgType } from '../../domain/org/codes.ts';
import { checkAdjustment, DEFAULT_TERM_YEARS, termEnd } from '../../domain/org/terms.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { orgElections } from '../db/schema.ts';
import { invalid, notAfterToday } from './invalid.ts';
import { loadOrg, loadOrgRecord } from './load.ts';

export interface ElectionInput {
  electedOn: string;
  /** Defaults to the type's term (rules.md §5); data from before 2018 may carry 2 or 4 years. */
  termYears: number | null;
  adjustmentMonths: number;
  adjustmentApprovedBy: string | null;
  adjustmentApprovedOn: string | null;
}

/** An election opening a new term; the term's end is computed, never typed. */
export async function recordElection(tx: Tx, actor: Actor, orgId: number, input: ElectionInput) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  notAfterToday('electedOn', '选举日期', input.electedOn);
  if (input.electedOn < org.establishedOn) invalid('electedOn', `选举日期早于党组织成立日期（${org.establishedOn}）`);
  const termYears = input.termYears ?? DEFAULT_TERM_YEARS[org.type as OrgType];
  if (termYears === null) invalid('termYears', '临时党支部不实行任期制，请填写任期年限或改为登记书记任职');
  const [finding] = checkAdjustment(input.adjustmentMonths, {
    approvedBy: input.adjustmentApprovedBy ?? undefined,
    approvedOn: input.adjustmentApprovedOn ?? undefined,
  });
  if (finding)
    invalid(
      finding.code === 'adjustment_needs_approval' ? 'adjustmentApprovedBy' : 'adjustmentMonths',
      finding.message,
    );
  const end = termEnd({ electedOn: input.electedOn, termYears, adjustmentMonths: input.adjustmentMonths });
  if (!end.ok) invalid('termYears', end.error.message);
  const [row] = await tx
    .insert(orgElections)
    .values({ orgId, ...input, termYears, endsOn: end.value })
    .returning();
  await auditChange(tx, actor, {
    action: 'org.election',
    entity: 'party_org',
    entityId: orgId,
    diff: { electedOn: input.electedOn, termYears, endsOn: end.value },
  });
  return row;
}

/** An extension or early election decided during the term: the end moves, with the approval recorded. */
export async function adjustTerm(
  tx: Tx,
  actor: Actor,
  orgId: number,
  electionId: number,
  input: { adjustmentMonths: number; adjustmentApprovedBy: string; adjustmentApprovedOn: string },
) {
  const election = await loadOrgRecord(tx, actor, orgElections, orgId, electionId, '选举记录');
  const [finding] = checkAdjustment(input.adjustmentMonths, {
    approvedBy: input.adjustmentApprovedBy,
    approvedOn: input.adjustmentApprovedOn,
  });
  if (finding) invalid('adjustmentMonths', finding.message);
  const end = termEnd({
    electedOn: election.electedOn,
    termYears: election.termYears,
    adjustmentMonths: input.adjustmentMonths,
  });
  if (!end.ok) invalid('adjustmentMonths', end.error.message);
  await tx
    .update(orgElections)
    .set({ ...input, endsOn: end.value })
    .where(eq(orgElections.id, electionId));
  await auditChange(tx, actor, {
    action: 'org.term_adjust',
    entity: 'party_org',
    entityId: orgId,
    diff: {
      electionId,
      ...input,
      before: election.endsOn,
      endsOn: end.value,
    },
  });
  return { endsOn: end.value };
}
