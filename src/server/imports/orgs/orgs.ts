// The party-organization file against the database: each row's region, covered enterprises
// and referenced orgs resolved within the importer's scope, the row matched to an org already
// recorded (by 党组织代码, else by name within the region) and compared field by field (orgPlan);
// then, on confirmation, written by the org area's rules: coverage that moves the ledger
// categories, the current term as an election, the secretary as an officer, dissolution ending coverage.
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import { auditChange } from '../../audit/audit.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { orgCoverages, orgElections, orgOfficers, partyOrgs } from '../../db/schema.ts';
import { refreshOrgCoverage } from '../../orgs/coverage.ts';
import { today } from '../../today.ts';
import type { Batch } from '../batches.ts';
import type { StagedData } from './kinds.ts';
import type { Ref } from './orgFacts.ts';
import { type OrgPlan, planOrgs } from './orgPlan.ts';
import { recordOutcomes, warningsOf } from './stage.ts';

/** The checks' result recorded on the batch's rows: outcomes, diffs, issues. */
export async function checkOrgs(tx: Tx, actor: Actor, batch: Batch): Promise<OrgPlan[]> {
  const plans = await planOrgs(tx, actor, batch);
  const staged = await queryRows<{ row: number; data: StagedData }>(
    tx,
    sql`select row, data from import_rows where batch_id = ${batch.id} and data->'v' is not null`,
  );
  const own = new Map(staged.map((s) => [s.row, warningsOf(s.data)]));
  await recordOutcomes(
    tx,
    batch.id,
    plans.map((p) => ({ row: p.row, outcome: p.outcome, diff: p.outcome === 'changed' ? p.diff : null })),
    plans.flatMap((p) => [...p.errors, ...(own.get(p.row) ?? []), ...p.warnings]),
  );
  return plans;
}

/**
 * Writes the planned rows in file order (a parent is always written before the rows under
 * it), then the managing orgs that are further down, then today's coverage of every enterprise
 * concerned, so the ledger categories move in the same transaction. Each org's change is audited.
 */
export async function writeOrgs(tx: Tx, actor: Actor, batchId: number, plans: OrgPlan[]) {
  const on = today();
  const idOf = new Map<number, number>();
  const affected = new Set<number>();
  const later: { orgId: number; ref: Ref }[] = [];
  const refId = (ref: Ref | null | undefined) =>
    ref == null ? null : 'db' in ref ? ref.db : (idOf.get(ref.file) ?? undefined);

  for (const p of plans) {
    if (p.existing) idOf.set(p.index, p.existing.id);
    if (p.outcome !== 'added' && p.outcome !== 'changed') continue;
    const v = p.v;
    let orgId: number;
    if (!p.existing) {
      const managingOrgId = refId(p.managing);
      const values = {
        name: v.name,
        orgCode: v.orgCode,
        regionCode: v.regionCode,
        type: v.type,
        formation: v.formation,
        jointBasis: v.jointBasis,
        parentId: refId(p.parent) ?? null,
        managingOrgId: managingOrgId ?? null,
        management: v.management,
        approvedBy: v.approvedBy,
        secretarySource: v.secretarySource,
        reportedFullCount: v.fullMemberCount,
        reportedProbationaryCount: v.probationaryCount,
        establishedOn: v.establishedOn,
        dissolvedOn: v.dissolvedOn,
      };
      const [org] = await tx.insert(partyOrgs).values(values).returning({ id: partyOrgs.id });
      orgId = org.id;
      idOf.set(p.index, orgId);
      if (managingOrgId === undefined && p.managing) later.push({ orgId, ref: p.managing });
      await tx
        .insert(orgCoverages)
        .values(
          p.enterprises.map((x) => ({ orgId, enterpriseId: x.id, startOn: v.establishedOn, endOn: v.dissolvedOn })),
        );
      for (const x of p.enterprises) affected.add(x.id);
      await auditChange(tx, actor, {
        action: 'org.create',
        entity: 'party_org',
        entityId: orgId,
        diff: {
          ...values,
          enterpriseIds: p.enterprises.map((x) => x.id),
          importBatchId: batchId,
        },
      });
    } else {
      orgId = p.existing.id;
      const profile = { ...p.profile };
      if (p.managing && 'file' in p.managing) {
        const id = refId(p.managing);
        if (id === undefined) later.push({ orgId, ref: p.managing });
        else profile.managingOrgId = id;
      }
      if (p.parent && 'file' in p.parent) profile.parentId = refId(p.parent) ?? null;
      if (p.dissolve) profile.dissolvedOn = v.dissolvedOn;
      if (Object.keys(profile).length) {
        await tx
          .update(partyOrgs)
          .set({ ...profile, updatedAt: new Date() })
          .where(eq(partyOrgs.id, orgId));
      }
      if (p.dissolve) {
        const ended = await queryRows<{ enterprise_id: number }>(
          tx,
          sql`update org_coverages set end_on = greatest(start_on, ${v.dissolvedOn}::date)
              where org_id = ${orgId} and end_on is null returning enterprise_id`,
        );
        for (const c of ended) affected.add(c.enterprise_id);
      }
      if (p.coverageAdd.length) {
        await tx
          .insert(orgCoverages)
          .values(p.coverageAdd.map((enterpriseId) => ({ orgId, enterpriseId, startOn: on })));
      }
      for (const c of p.coverageEnd) {
        await tx.update(orgCoverages).set({ endOn: on }).where(eq(orgCoverages.id, c.id));
      }
      for (const id of [...p.coverageAdd, ...p.coverageEnd.map((c) => c.enterpriseId)]) affected.add(id);
      await auditChange(tx, actor, {
        action: 'org.update',
        entity: 'party_org',
        entityId: orgId,
        diff: { ...p.diff, importBatchId: batchId },
      });
    }

    if (p.term) {
      const values = { electedOn: p.term.electedOn, termYears: p.term.termYears, endsOn: p.term.endsOn };
      if (p.term.update === null) await tx.insert(orgElections).values({ orgId, ...values });
      else await tx.update(orgElections).set(values).where(eq(orgElections.id, p.term.update));
    }
    if (p.secretary) {
      if (p.secretary.endOfficer !== null) {
        await tx.update(orgOfficers).set({ endOn: on }).where(eq(orgOfficers.id, p.secretary.endOfficer));
      }
      await tx.insert(orgOfficers).values({
        orgId,
        post: 'secretary',
        personName: p.secretary.personName,
        // A new org's secretary serves from the term's start; a successor from today.
        startOn: p.existing ? on : v.termStart,
        endOn: p.existing ? null : v.dissolvedOn,
      });
    }
  }
  for (const l of later) {
    await tx
      .update(partyOrgs)
      .set({ managingOrgId: refId(l.ref) ?? null })
      .where(eq(partyOrgs.id, l.orgId));
  }
  await refreshOrgCoverage(tx, actor, [...affected], on);
}
