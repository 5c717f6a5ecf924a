// 党组织 in a meeting or achievement file: an org in the importer's scope, by name or code
// (orgs/refs.ts, as the member file resolves 所在党组织). Row-level security hides orgs
// outside the scope, so an unknown org and one outside it are refused alike: the file does
// not learn what exists beyond the importer's scope.
import { and, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { partyOrgs } from '../../db/schema.ts';
import { orgInScope } from '../../orgs/scope.ts';
import { codeForm, describeAmbiguity, resolveRef } from '../orgs/refs.ts';

export interface OrgRef {
  id: number;
  name: string;
}

export type OrgAnswer = { ok: true; org: OrgRef } | { ok: false; message: string };

export async function resolveOrgs(tx: Tx, actor: Actor, refs: readonly string[]): Promise<Map<string, OrgAnswer>> {
  const todo = [...new Set(refs)];
  const answers = new Map<string, OrgAnswer>();
  if (todo.length === 0) return answers;
  const orgs = await tx
    .select({ id: partyOrgs.id, name: partyOrgs.name, orgCode: partyOrgs.orgCode, regionCode: partyOrgs.regionCode })
    .from(partyOrgs)
    .where(and(orgInScope(actor), or(inArray(partyOrgs.name, todo), inArray(partyOrgs.orgCode, todo.map(codeForm)))));
  const candidates = orgs.map((o) => ({ name: o.name, orgCode: o.orgCode, regionCode: o.regionCode, target: o }));
  for (const ref of todo) {
    const r = resolveRef(ref, candidates, null);
    answers.set(
      ref,
      r.ok
        ? { ok: true, org: { id: r.target.id, name: r.target.name } }
        : {
            ok: false,
            message:
              r.kind === 'ambiguous'
                ? `党组织“${ref}”对应多个党组织（${describeAmbiguity(r.among)}），请改填党组织代码`
                : `党组织“${ref}”不存在或不在您的数据范围内：须填写您有权录入的党组织的名称或代码`,
          },
    );
  }
  return answers;
}
