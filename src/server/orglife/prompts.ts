// The meetings due and overdue as work prompts and to-dos (rules.md §10): one section, the
// orgs in the actor's scope (a secretary's own), overdue first.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import type { PromptSection } from '../prompts/types.ts';
import { dueMeetings, dueMessage } from './due.ts';
import { getOrglifeSettings } from './settings.ts';

export async function orglifeSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection[]> {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const scope = sql`o.region_code like ${`${actor.scopePrefix}%`} ${actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`}`;
  const { total, items } = await dueMeetings(tx, scope, await getOrglifeSettings(tx), today, limit);
  return [
    {
      key: 'orglife',
      total,
      items: items.map((d) => {
        const { zh, en } = dueMessage(d);
        return { level: d.level, title: d.orgName, message: zh, en, dueOn: d.end, link: { type: 'org', id: d.orgId } };
      }),
    },
  ];
}
