// Every row of the party-organization file planned against the database: the facts read once
// (orgFacts), each row put through one check a rule (orgChecks) and, for an org already
// recorded, compared part by part (orgChanges); then the checks that span rows.
import { orgHeaderOf as H, type OrgColumnKey } from '../../../domain/org/orgColumns.ts';
import { checkOrgFile, type OrgInput } from '../../../domain/org/orgRow.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { orgRulesResolver } from '../../settings/orgRules.ts';
import { today } from '../../today.ts';
import type { Batch } from '../batches.ts';
import {
  diffProfile,
  diffReferences,
  planCoverage,
  planDissolution,
  planNewOrg,
  planSecretary,
  planTerm,
  termOf,
} from './orgChanges.ts';
import {
  checkCoveredEnterprises,
  checkIdentity,
  checkJointBranch,
  checkJointUnits,
  checkReference,
  checkRegion,
  checkStandaloneHolder,
} from './orgChecks.ts';
import {
  codesTakenElsewhere,
  coveredEnterprises,
  type Entry,
  knownRegions,
  loadEntries,
  matchedOrgState,
} from './orgFacts.ts';
import type { OrgPlan, RowContext } from './orgPlanTypes.ts';
import type { Issue } from './stage.ts';

export type { OrgPlan } from './orgPlanTypes.ts';

/** The checks that need only the file: repeated codes and names, two standalone orgs over one enterprise, a parent named only further down. */
function fileIssuesOf(valid: (Entry & { v: OrgInput })[]): Map<number, Issue[]> {
  const fileIssues = new Map<number, Issue[]>();
  for (const i of checkOrgFile(valid.map((e) => ({ row: e.row, value: e.v })))) {
    fileIssues.set(i.row, [...(fileIssues.get(i.row) ?? []), { ...i, severity: 'error' }]);
  }
  return fileIssues;
}

function emptyPlan(e: Entry & { v: OrgInput }, errors: Issue[]): OrgPlan {
  return {
    index: e.index,
    row: e.row,
    v: e.v,
    existing: e.matched,
    enterprises: [],
    profile: {},
    coverageAdd: [],
    coverageEnd: [],
    dissolve: false,
    term: null,
    secretary: null,
    deps: [],
    errors,
    warnings: [],
    diff: {},
    outcome: 'error',
  };
}

function rowContext(e: Entry & { v: OrgInput }, plan: OrgPlan, columns: ReadonlySet<string>): RowContext {
  const issue = (severity: Issue['severity'], key: OrgColumnKey, message: string): Issue => ({
    row: e.row,
    column: H(key),
    message,
    severity,
  });
  return {
    entry: e,
    v: e.v,
    existing: e.matched,
    plan,
    columns,
    err: (key, message) => plan.errors.push(issue('error', key, message)),
    warn: (key, message) => plan.warnings.push(issue('warning', key, message)),
    flagged: (key) => plan.errors.some((i) => i.column === H(key)),
  };
}

/** A new org's code may be taken by an org the importer cannot see. */
async function checkCodesElsewhere(tx: Tx, plans: OrgPlan[]) {
  const probes = plans.filter((p) => !p.existing && p.v.orgCode !== null && p.errors.length === 0);
  const taken = await codesTakenElsewhere(
    tx,
    probes.map((p) => ({ code: p.v.orgCode as string, region: p.v.regionCode })),
  );
  for (const p of probes) {
    if (taken.has(p.v.orgCode as string)) {
      p.errors.push({
        row: p.row,
        column: H('orgCode'),
        message: `${H('orgCode')}“${p.v.orgCode}”已被您数据范围以外的党组织使用，党组织代码不能重复`,
        severity: 'error',
      });
    }
  }
}

/** Partial mode writes the rows without errors: a row that needs a row with errors cannot be written either. */
function spreadDependencyErrors(plans: OrgPlan[]) {
  const planOf = new Map(plans.map((p) => [p.index, p]));
  let spread = true;
  while (spread) {
    spread = false;
    for (const p of plans) {
      if (p.errors.length) continue;
      const dep = p.deps.find((d) => (planOf.get(d.index)?.errors.length ?? 1) > 0);
      if (!dep) continue;
      p.errors.push({ row: p.row, column: H(dep.column), message: dep.message, severity: 'error' });
      spread = true;
    }
  }
}

function outcomeOf(p: OrgPlan): OrgPlan['outcome'] {
  if (p.errors.length) return 'error';
  if (!p.existing) return 'added';
  return Object.keys(p.diff).length ? 'changed' : 'unchanged';
}

/**
 * Checks every row that parsed against the database and plans what it would write. Pure
 * reading (the code probe is rolled back); run at preview and again at confirmation, so what
 * is written is what the database holds then.
 */
export async function planOrgs(tx: Tx, actor: Actor, batch: Batch): Promise<OrgPlan[]> {
  const on = today();
  const columns = new Set(batch.columns);
  const { entries, dbOrgs, sameName, entryOfOrg } = await loadEntries(tx, actor, batch);
  const valid = entries.filter((e): e is Entry & { v: OrgInput } => e.v !== null);
  const matchedIds = new Set(entries.flatMap((e) => (e.matched ? [e.matched.id] : [])));
  const fileIssues = fileIssuesOf(valid);
  const known = await knownRegions(tx, [...new Set(valid.map((e) => e.v.regionCode))]);
  const covered = await coveredEnterprises(tx, actor, [...new Set(valid.flatMap((e) => e.v.coveredUscc))], on);
  const state = await matchedOrgState(tx, dbOrgs, matchedIds);
  const rulesOf = await orgRulesResolver(tx);

  const plans: OrgPlan[] = [];
  for (const e of valid) {
    const plan = emptyPlan(e, [...(fileIssues.get(e.row) ?? [])]);
    plans.push(plan);
    const row = rowContext(e, plan, columns);
    checkRegion(row, known, actor);
    checkIdentity(row, sameName(e.v.regionCode, e.v.name), entryOfOrg);
    checkJointBranch(row);
    checkJointUnits(row, rulesOf(e.v.regionCode).jointMaxUnits);
    checkCoveredEnterprises(row, covered.enterpriseOf, covered.elsewhere);
    checkStandaloneHolder(row, covered.holders, covered.coverage, matchedIds, entryOfOrg);
    plan.parent = await checkReference(tx, row, 'parentOrg', entries, dbOrgs);
    plan.managing = await checkReference(tx, row, 'managingOrg', entries, dbOrgs);

    const term = termOf(e.v, row.warn);
    const existing = e.matched;
    if (!existing) {
      planNewOrg(row, term);
      continue;
    }
    const matched = { ...row, existing };
    diffProfile(matched);
    diffReferences(matched, state.named);
    planDissolution(matched, state.membersOf.get(existing.id) ?? 0);
    planCoverage(matched, state.openCoverages.get(existing.id) ?? []);
    planTerm(matched, term, state.electionOf.get(existing.id));
    planSecretary(matched, state.secretaryOf.get(existing.id));
  }

  await checkCodesElsewhere(tx, plans);
  if (batch.partial) spreadDependencyErrors(plans);
  for (const p of plans) p.outcome = outcomeOf(p);
  return plans;
}
