// What a row of the party-organization file would change on the org it matches, one part at a
// time: the profile, the references, dissolution, coverage, the current term, the secretary.
import { daysBetween } from '../../../domain/calendarDate.ts';
import { orgHeaderOf as H, type OrgColumnKey } from '../../../domain/org/orgColumns.ts';
import type { OrgInput } from '../../../domain/org/orgRow.ts';
import { DEFAULT_TERM_YEARS, termEnd } from '../../../domain/org/terms.ts';
import type { OrgRow } from './orgFacts.ts';
import type { RowContext, TermPlan } from './orgPlanTypes.ts';

type MatchedRow = RowContext & { existing: OrgRow };

/** What the row's term columns record: the current term, its end computed from the type when absent. */
export function termOf(
  v: OrgInput,
  warn: (key: OrgColumnKey, message: string) => void,
): Omit<TermPlan, 'update'> | null {
  if (v.termStart === null) {
    if (v.termEnd !== null) warn('termEnd', `填写了${H('termEnd')}但未填写${H('termStart')}，本届任期未记录`);
    return null;
  }
  if (v.termEnd !== null) {
    // A term typed in the ledger is kept as typed; its length in whole years is recorded with it.
    const years = Math.min(10, Math.max(1, Math.round(daysBetween(v.termStart, v.termEnd) / 365.25)));
    return { electedOn: v.termStart, endsOn: v.termEnd, termYears: years };
  }
  const years = DEFAULT_TERM_YEARS[v.type];
  if (years === null) {
    warn('termStart', `临时党支部不实行任期制，未填写${H('termEnd')}时本届任期不记录`);
    return null;
  }
  const end = termEnd({ electedOn: v.termStart, termYears: years });
  return end.ok ? { electedOn: v.termStart, endsOn: end.value, termYears: years } : null;
}

/** A new org: its term and secretary as the file gives them. */
export function planNewOrg({ v, plan }: RowContext, term: Omit<TermPlan, 'update'> | null) {
  plan.term = term && { ...term, update: null };
  if (v.secretaryName) plan.secretary = { personName: v.secretaryName, endOfficer: null };
}

/** The profile columns the file has, where they differ. */
export function diffProfile({ v, existing, plan, columns }: MatchedRow) {
  const set = <K extends keyof OrgRow>(key: string, column: K, after: OrgRow[K]) => {
    if (existing[column] === after) return;
    plan.diff[key] = { before: existing[column], after };
    (plan.profile as Record<string, unknown>)[column] = after;
  };
  set('name', 'name', v.name);
  // An empty 党组织代码 never clears a code the organization department gave.
  if (v.orgCode !== null && existing.orgCode === null) set('orgCode', 'orgCode', v.orgCode);
  if (columns.has('type')) set('type', 'type', v.type);
  if (columns.has('jointBasis')) set('jointBasis', 'jointBasis', v.jointBasis);
  if (columns.has('approvedBy')) set('approvedBy', 'approvedBy', v.approvedBy);
  if (columns.has('secretarySource')) set('secretarySource', 'secretarySource', v.secretarySource);
  if (columns.has('fullMemberCount')) set('fullMemberCount', 'reportedFullCount', v.fullMemberCount);
  if (columns.has('probationaryCount')) set('probationaryCount', 'reportedProbationaryCount', v.probationaryCount);
  if (columns.has('management')) set('management', 'management', v.management);
}

/** 上级党组织 and 管理党组织 where they differ; a row of the file is resolved when written. */
export function diffReferences({ existing, plan }: MatchedRow, named: (id: number | null) => string | null) {
  for (const [key, column, ref] of [
    ['parentOrg', 'parentId', plan.parent],
    ['managingOrg', 'managingOrgId', plan.managing],
  ] as const) {
    if (ref === undefined) continue;
    const before = existing[column];
    const after = ref === null ? null : 'db' in ref ? ref.db : undefined;
    if (after !== undefined && after === before) continue;
    plan.diff[key] = { before: named(before), after: ref?.name ?? null };
    if (after !== undefined) (plan.profile as Record<string, unknown>)[column] = after;
  }
}

/** Dissolution: recorded once, never undone by an import; not while members remain. */
export function planDissolution({ v, existing, plan, columns, err }: MatchedRow, members: number) {
  if (!columns.has('dissolvedOn')) return;
  if (existing.dissolvedOn !== null) {
    if (existing.dissolvedOn !== v.dissolvedOn) {
      err('dissolvedOn', `该党组织已于 ${existing.dissolvedOn} 撤销，导入不能撤回或修改撤销日期`);
    }
  } else if (v.dissolvedOn !== null) {
    if (members > 0) err('dissolvedOn', `党组织还有 ${members} 名党员，请先转出组织关系，再填写${H('dissolvedOn')}`);
    plan.dissolve = true;
    plan.diff.dissolvedOn = { before: null, after: v.dissolvedOn };
  }
}

/**
 * Coverage of an org in force: enterprises added from today, others ended today. Coverage of
 * enterprises outside the importer's scope is not theirs to change.
 */
export function planCoverage(
  { existing, plan, flagged }: MatchedRow,
  open: readonly { id: number; enterpriseId: number; uscc: string | null }[],
) {
  if (existing.dissolvedOn !== null || plan.dissolve || flagged('coveredUscc')) return;
  const visible = open.filter((c) => c.uscc !== null);
  const listed = new Set(plan.enterprises.map((x) => x.id));
  plan.coverageAdd = plan.enterprises.filter((x) => !visible.some((c) => c.enterpriseId === x.id)).map((x) => x.id);
  plan.coverageEnd = visible.filter((c) => !listed.has(c.enterpriseId));
  if (plan.coverageAdd.length || plan.coverageEnd.length) {
    plan.diff.coveredUscc = { before: visible.map((c) => c.uscc), after: plan.enterprises.map((x) => x.uscc) };
  }
}

/**
 * The current term: a later election is added; the end of the one recorded that day is
 * corrected only when the file gives the end (an approved adjustment is not undone).
 */
export function planTerm(
  { v, plan, columns, err }: MatchedRow,
  term: Omit<TermPlan, 'update'> | null,
  latest: { id: number; electedOn: string; endsOn: string } | undefined,
) {
  if (!term || !columns.has('termStart')) return;
  if (!latest || latest.electedOn < term.electedOn) {
    plan.term = { ...term, update: null };
    plan.diff.termStart = { before: latest?.electedOn ?? null, after: term.electedOn };
    plan.diff.termEnd = { before: latest?.endsOn ?? null, after: term.endsOn };
  } else if (latest.electedOn === term.electedOn) {
    if (v.termEnd !== null && latest.endsOn !== term.endsOn) {
      plan.term = { ...term, update: latest.id };
      plan.diff.termEnd = { before: latest.endsOn, after: term.endsOn };
    }
  } else {
    err('termStart', `系统中已记录 ${latest.electedOn} 的换届，${H('termStart')}（${term.electedOn}）不能早于它`);
  }
}

/** A secretary other than the one in office succeeds them. */
export function planSecretary(
  { v, plan, columns }: MatchedRow,
  current: { id: number; personName: string } | undefined,
) {
  if (!v.secretaryName || !columns.has('secretaryName')) return;
  if (current?.personName !== v.secretaryName) {
    plan.secretary = { personName: v.secretaryName, endOfficer: current?.id ?? null };
    plan.diff.secretaryName = { before: current?.personName ?? null, after: v.secretaryName };
  }
}
