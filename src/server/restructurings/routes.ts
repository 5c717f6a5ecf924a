import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import { RESTRUCTURING_ITEMS, type RestructuringItem, restructuringPrompts } from '../../domain/org/restructuring.ts';
import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { enterprises, restructurings } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { notAfterToday } from '../orgs/invalid.ts';
import { inRegionScope } from '../regions/scope.ts';
import { calendarDay, idParam } from '../schemas.ts';

const tags = ['企业台账'];
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

async function visibleEnterprise(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), inRegionScope(enterprises.regionCode, actor)));
  if (!row) throw notFound('企业');
}

async function read(tx: Tx, id: number) {
  const [row] = await tx.select().from(restructurings).where(eq(restructurings.enterpriseId, id));
  if (!row) return { restructuring: null, prompts: [] };
  const { restructuredOn, plansSubmittedOn, headsFixedOn, supervisionOn } = row;
  const record = { restructuredOn, plansSubmittedOn, headsFixedOn, supervisionOn };
  return { restructuring: record, prompts: restructuringPrompts(record, localDateString(new Date())) };
}

export const restructuringRoutes = newRouter();

restructuringRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises/{id}/restructuring',
    tags,
    middleware: [permit('ledger.read', 'enterprise.restructuring_read', 'enterprise')],
    summary: '改制企业的“三同步”落实情况',
    request: { params: z.object({ id: idParam }) },
    responses: jsonResponse(
      z.object({ restructuring: Restructuring.nullable(), prompts: z.array(Prompt) }),
      '三同步清单',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, async (tx) => {
        await visibleEnterprise(tx, actor, id);
        return read(tx, id);
      }),
      200,
    );
  },
);

restructuringRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/enterprises/{id}/restructuring',
    tags,
    middleware: [permit('ledger.write', 'enterprise.restructuring', 'enterprise')],
    summary: '登记国有或集体企业改制及“三同步”落实日期',
    request: { params: z.object({ id: idParam }), ...jsonBody(Restructuring) },
    responses: jsonResponse(
      z.object({ restructuring: Restructuring.nullable(), prompts: z.array(Prompt) }),
      '三同步清单',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, async (tx) => {
        await visibleEnterprise(tx, actor, id);
        const today = localDateString(new Date());
        // “同步”: an item may be done before the restructuring completes, so only the future is impossible.
        for (const [field, date] of Object.entries(input)) {
          if (date) notAfterToday(field, '日期', date, { today });
        }
        await tx
          .insert(restructurings)
          .values({ enterpriseId: id, ...input })
          .onConflictDoUpdate({ target: restructurings.enterpriseId, set: { ...input, updatedAt: new Date() } });
        await writeAudit(tx, {
          actorId: actor.actorId,
          actorName: actor.username,
          ip: actor.ip,
          action: 'enterprise.restructuring',
          entity: 'enterprise',
          entityId: id,
          result: 'success',
          diff: input,
        });
        return read(tx, id);
      }),
      200,
    );
  },
);
