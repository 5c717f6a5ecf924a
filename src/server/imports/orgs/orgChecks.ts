// The rules a row of the party-organization file is checked by against the database, one check
// a rule (as orgFindings does for an org's page): each records its errors on the row's plan.
import { labelOf } from '../../../domain/enterprise/codes.ts';
import { regionNotFoundMessage } from '../../../domain/enterprise/messages.ts';
import { FORMATIONS } from '../../../domain/org/codes.ts';
import { orgHeaderOf as H } from '../../../domain/org/orgColumns.ts';
import type { OrgInput } from '../../../domain/org/orgRow.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { isDescendant } from '../../orgs/tree.ts';
import { codeInScope } from '../../regions/scope.ts';
import type { EnterpriseRef, Entry, OrgRow, Ref } from './orgFacts.ts';
import type { RowContext } from './orgPlanTypes.ts';
import { type Candidate, codeForm, describeAmbiguity, resolveRef } from './refs.ts';

/** Region: known, and inside the importer's scope. */
export function checkRegion({ v, err }: RowContext, known: ReadonlySet<string>, actor: Actor) {
  if (!known.has(v.regionCode)) err('regionCode', regionNotFoundMessage(v.regionCode));
  else if (!codeInScope(v.regionCode, actor)) {
    err('regionCode', `${H('regionCode')}“${v.regionCode}”不在您的数据范围内，不能导入该地区的党组织`);
  }
}

/**
 * The org it is, if already recorded: a name in the region taken by another code or another
 * org, one org on two rows, and what an import never changes (region, formation, founding date).
 */
export function checkIdentity(
  { entry, v, existing, err, flagged }: RowContext,
  sameName: OrgRow | undefined,
  entryOfOrg: ReadonlyMap<number, Entry>,
) {
  if (!existing && v.orgCode && sameName?.orgCode && sameName.orgCode !== v.orgCode) {
    err(
      'orgCode',
      `${H('regionCode')} ${v.regionCode} 下已有名为“${v.name}”的党组织，其${H('orgCode')}为“${sameName.orgCode}”，与本行的“${v.orgCode}”不同，请核对`,
    );
  }
  if (!existing) return;
  if (sameName && sameName.id !== existing.id) {
    err('name', `行政区划 ${v.regionCode} 内已有名为“${v.name}”的党组织，同一地区的党组织名称不能重复`);
  }
  const first = entryOfOrg.get(existing.id);
  if (first && first.index !== entry.index && !flagged('orgCode') && !flagged('name')) {
    err('name', `与第 ${first.row} 行是系统中的同一个党组织“${existing.name}”，同一党组织只能占一行`);
  }
  if (existing.regionCode !== v.regionCode) {
    err('regionCode', `系统中该党组织的${H('regionCode')}为 ${existing.regionCode}，导入不能把党组织移到其他地区`);
  }
  if (existing.formation !== v.formation) {
    err(
      'formation',
      `系统中该党组织为${labelOf(FORMATIONS, existing.formation as OrgInput['formation'])}，导入不能改变已有党组织的组建形式`,
    );
  }
  if (existing.establishedOn !== v.establishedOn) {
    err(
      'establishedOn',
      `系统中该党组织的${H('establishedOn')}为 ${existing.establishedOn}，导入不能修改已有党组织的成立日期`,
    );
  }
}

/** The org area's rule (the row parser only warns). */
export function checkJointBranch({ v, err }: RowContext) {
  if (v.type === 'joint_branch' && v.formation !== 'joint') err('type', '联合党支部的组建形式应为联合组建');
}

/** A joint org over the unit limit of its region's org rules (rules.md §4): a warning, not an error. */
export function checkJointUnits({ v, warn }: RowContext, jointMaxUnits: number) {
  const units = v.coveredUscc.length;
  if (v.formation === 'joint' && units > jointMaxUnits) {
    warn('coveredUscc', `联合组建的党组织覆盖 ${units} 家企业，超过一般不超过 ${jointMaxUnits} 家的规定，请核对`);
  }
}

/** Covered enterprises: in the ledger, within the scope. */
export function checkCoveredEnterprises(
  { v, plan, err }: RowContext,
  enterpriseOf: ReadonlyMap<string, EnterpriseRef>,
  elsewhere: ReadonlySet<string>,
) {
  for (const code of v.coveredUscc) {
    const found = enterpriseOf.get(code);
    if (found) plan.enterprises.push(found);
    else if (elsewhere.has(code)) {
      err('coveredUscc', `${H('coveredUscc')}中的“${code}”对应的企业不在您的数据范围内，不能由本辖区的党组织覆盖`);
    } else {
      err('coveredUscc', `${H('coveredUscc')}中的“${code}”不在企业台账中：覆盖的企业须已在台账中，请先导入企业台账`);
    }
  }
}

/**
 * An enterprise has at most one standalone org in force. Orgs of other rows of the file are
 * the file check's business; in partial mode such a row must be written for this one to be.
 */
export function checkStandaloneHolder(
  { v, existing, plan, err }: RowContext,
  holders: ReadonlyMap<number, { id: number; name: string }[]>,
  coverage: ReadonlyMap<number, string | null>,
  matchedIds: ReadonlySet<number>,
  entryOfOrg: ReadonlyMap<number, Entry>,
) {
  if (v.formation !== 'standalone' || v.dissolvedOn !== null) return;
  for (const ent of plan.enterprises) {
    const all = (holders.get(ent.id) ?? []).filter((o) => o.id !== existing?.id);
    const other = all.find((o) => !matchedIds.has(o.id));
    if (other) {
      err(
        'coveredUscc',
        `企业“${ent.name}”（${ent.uscc}）已有单独组建的党组织“${other.name}”，一家企业只能有一个单独组建的党组织`,
      );
    } else if (all.length === 0 && !holders.has(ent.id) && coverage.get(ent.id) === 'standalone') {
      err(
        'coveredUscc',
        `企业“${ent.name}”（${ent.uscc}）已有单独组建的党组织（不在您的数据范围内），一家企业只能有一个单独组建的党组织`,
      );
    }
    for (const o of all.filter((o) => matchedIds.has(o.id))) {
      const owner = entryOfOrg.get(o.id) as Entry;
      plan.deps.push({
        index: owner.index,
        column: 'coveredUscc',
        message: `企业“${ent.name}”（${ent.uscc}）现有单独组建的党组织“${o.name}”在第 ${owner.row} 行，该行有错误未导入，本行也不能导入`,
      });
    }
  }
}

/** What a reference may name: rows of the file (before this one, or anywhere) and orgs in scope. */
export function candidatesFor(entries: readonly Entry[], dbOrgs: readonly OrgRow[], i: number, before: boolean) {
  const list: Candidate<Ref>[] = [];
  const inFile = new Set<number>();
  for (const e of entries) {
    if (e.index === i || (before && e.index > i)) continue;
    const target: Ref = e.matched
      ? { db: e.matched.id, name: e.name ?? e.matched.name }
      : { file: e.index, name: e.name ?? '' };
    list.push({ name: e.name, orgCode: e.orgCode ?? e.matched?.orgCode ?? null, regionCode: e.regionCode, target });
    if (e.matched) {
      inFile.add(e.matched.id);
      // Still known by the name it has now, if the file renames it.
      if (e.matched.name !== e.name) {
        list.push({ name: e.matched.name, orgCode: null, regionCode: e.matched.regionCode, target });
      }
    }
  }
  for (const o of dbOrgs) {
    if (!inFile.has(o.id))
      list.push({ name: o.name, orgCode: o.orgCode, regionCode: o.regionCode, target: { db: o.id, name: o.name } });
  }
  return list;
}

/**
 * 上级党组织 (only a row above this one, so parents are written first) or 管理党组织 (any row):
 * named once, not this org itself, for a parent not one of its own descendants. undefined: the
 * file says nothing or the reference is in error; a row of the file becomes a dependency.
 */
export async function checkReference(
  tx: Tx,
  { entry, v, existing, plan, columns, err, flagged }: RowContext,
  key: 'parentOrg' | 'managingOrg',
  entries: readonly Entry[],
  dbOrgs: readonly OrgRow[],
): Promise<Ref | null | undefined> {
  if (!columns.has(key) || flagged(key)) return undefined;
  const ref = v[key];
  if (ref === null) return null;
  if (key === 'managingOrg' && (ref === v.name || (v.orgCode !== null && codeForm(ref) === v.orgCode))) {
    err(key, `${H(key)}“${ref}”就是本党组织，管理党组织应为另一个党组织`);
    return undefined;
  }
  const r = resolveRef(ref, candidatesFor(entries, dbOrgs, entry.index, key === 'parentOrg'), v.regionCode);
  if (!r.ok) {
    err(
      key,
      r.kind === 'ambiguous'
        ? `${H(key)}“${ref}”对应多个党组织（${describeAmbiguity(r.among)}），请改填党组织代码`
        : key === 'parentOrg'
          ? `${H(key)}“${ref}”不存在或不在您的数据范围内：上级党组织须已在系统中，或在本文件中更靠前的行`
          : `${H(key)}“${ref}”不存在或不在您的数据范围内：须为系统中已有的党组织，或本文件中的党组织`,
    );
    return undefined;
  }
  const target = r.target;
  if ('db' in target && existing && target.db === existing.id) {
    err(key, `${H(key)}“${ref}”就是本党组织，${H(key)}应为另一个党组织`);
    return undefined;
  }
  if (key === 'parentOrg' && 'db' in target && existing && (await isDescendant(tx, target.db, existing.id))) {
    err(key, `${H(key)}“${ref}”是本党组织的下级组织，不能作为上级党组织`);
    return undefined;
  }
  if ('file' in target) {
    plan.deps.push({
      index: target.file,
      column: key,
      message: `${H(key)}“${ref}”在第 ${entries[target.file].row} 行，该行有错误未导入，本行也不能导入`,
    });
  }
  return target;
}
