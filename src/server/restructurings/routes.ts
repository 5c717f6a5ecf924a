import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import { RESTRUCTURING_ITEMS, type RestructuringItem, restructuringPrompts } from '../../domain/org/restructuring.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { enterprises, restructurings } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { findingsIn, type Lang, requestLang } from '../lang.ts';
import { notAfterToday } from '../orgs/invalid.ts';
import { inRegionScope } from '../regions/scope.ts';
import { areaRouter } from '../route.ts';
import { byId, calendarDay } from '../schemas.ts';
import { getOrgRuleSettings } from '../settings/orgRules.ts';

const Restructuring = z.object({
  restructuredOn: calendarDay,
  plansSubmittedOn: calendarDay.nullable().default(null),
  headsFixedOn: calendarDay.nullable().default(null),
  supervisionOn: calendarDay.nullable().default(null),
});
const Prompt = z.object({
  item: z.enum(RESTRUCTURING_ITEMS.map((i) => i.key) as [RestructuringItem, ...RestructuringItem[]]),
  dueOn: z.string(),
  message: z.string(),
});
const Checklist = z.object({
  restructuring: Restructuring.nullable(),
  prompts: z.array(Prompt),
  /** Days after the restructuring before a missing item is a prompt: the enterprise's region's rule. */
  graceDays: z.number(),
});

async function visibleEnterprise(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), inRegionScope(enterprises.regionCode, actor)));
  if (!row) throw notFound('企业');
}

async function read(tx: Tx, id: number, lang: Lang) {
  const [enterprise] = await tx
    .select({ regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  const { restructuringGraceDays: graceDays } = await getOrgRuleSettings(tx, enterprise?.regionCode ?? '');
  const [row] = await tx.select().from(restructurings).where(eq(restructurings.enterpriseId, id));
  if (!row) return { restructuring: null, prompts: [], graceDays };
  const { restructuredOn, plansSubmittedOn, headsFixedOn, supervisionOn } = row;
  const record = { restructuredOn, plansSubmittedOn, headsFixedOn, supervisionOn };
  return {
    restructuring: record,
    prompts: findingsIn(lang, restructuringPrompts(record, localDateString(new Date()), graceDays)),
    graceDays,
  };
}

export const restructuringRoutes = areaRouter('企业台账');

restructuringRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}/restructuring',
  permission: 'ledger.read',
  action: 'enterprise.restructuring_read',
  entity: 'enterprise',
  summary: '改制企业的“三同步”落实情况',
  params: byId,
  response: Checklist,
  describe: '三同步清单',
  handler: async ({ tx, actor, input, c }) => {
    await visibleEnterprise(tx, actor, input.params.id);
    return read(tx, input.params.id, requestLang(c));
  },
});

restructuringRoutes.define({
  method: 'put',
  path: '/api/enterprises/{id}/restructuring',
  permission: 'ledger.write',
  action: 'enterprise.restructuring',
  entity: 'enterprise',
  summary: '登记国有或集体企业改制及“三同步”落实日期',
  params: byId,
  body: Restructuring,
  response: Checklist,
  describe: '三同步清单',
  handler: async ({ tx, actor, input, audit, c }) => {
    const { id } = input.params;
    await visibleEnterprise(tx, actor, id);
    const today = localDateString(new Date());
    // “同步”: an item may be done before the restructuring completes, so only the future is impossible.
    for (const [field, date] of Object.entries(input.body)) {
      if (date) notAfterToday(field, '日期', date, { today });
    }
    await tx
      .insert(restructurings)
      .values({ enterpriseId: id, ...input.body })
      .onConflictDoUpdate({ target: restructurings.enterpriseId, set: { ...input.body, updatedAt: new Date() } });
    await audit({ entity: 'enterprise', entityId: id, diff: input.body });
    return read(tx, id, requestLang(c));
  },
});
