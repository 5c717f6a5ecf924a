// The to-dos read only the orgs whose latest term ends within the horizon (prompts/records.ts
// orgSections, dueOnly): their due and overdue re-elections must be exactly those the prompts
// find over every org, at the reminder edges, under a region's own reminder months (up to 12),
// where a later election replaces an overdue one, and for orgs with no election at all.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../domain/calendarDate.ts';
import { actorOf } from '../actor.ts';
import { inScope, inSystem } from '../db/tx.ts';
import { orgSections } from '../prompts/records.ts';
import { DEFAULT_ORG_RULE_SETTINGS, putOrgRuleSettings } from '../settings/orgRules.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { today } from '../today.ts';

const fx = await fileFixture();
let committee: Logged;

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  // 夷陵 is reminded 12 months ahead; the rest of the city by the default (6, 3, 1).
  await inSystem(fx.database.db, (tx) =>
    putOrgRuleSettings(tx, '420506', { ...DEFAULT_ORG_RULE_SETTINGS, electionReminderMonths: [12, 1] }),
  );
  const now = today();
  // Terms of 3 years ending this many days from today (negative: overdue).
  const endsIn = [-400, -1, 0, 1, 29, 31, 92, 180, 182, 184, 200, 330, 360, 366, 400, 800];
  for (const regionCode of ['420502', '420506']) {
    for (const days of endsIn) {
      const e = await makeEnterprise(fx.database, { regionCode });
      const org = await makeOrg(fx.database, [e.id], { regionCode, establishedOn: '2015-01-01' });
      const electedOn = addMonths(addDays(now, days), -36);
      const res = await committee.client.post(`/api/orgs/${org.id}/elections`, { electedOn });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // Overdue, then re-elected: the later term governs.
    const e = await makeEnterprise(fx.database, { regionCode });
    const org = await makeOrg(fx.database, [e.id], { regionCode, establishedOn: '2015-01-01' });
    await committee.client.post(`/api/orgs/${org.id}/elections`, { electedOn: '2019-03-01' });
    await committee.client.post(`/api/orgs/${org.id}/elections`, { electedOn: addDays(now, -10) });
    // No election recorded: a warning, never a to-do.
    await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode })).id], { regionCode });
  }
});

describe('the to-dos’ re-elections', () => {
  it('are the due and overdue re-elections the prompts find over every org', async () => {
    const user = await fx.makeUser({ roles: ['committee'], regionCode: '420500' });
    const actor = actorOf({ ...user, totpEnabled: true }, null);
    const due = (all: boolean) =>
      inScope(fx.database.db, actor, async (tx) => {
        const [elections] = await orgSections(tx, actor, today(), Number.MAX_SAFE_INTEGER, !all);
        return elections!.items
          .filter((i) => i.level === 'due' || i.level === 'overdue')
          .map((i) => `${i.link.id} ${i.level} ${i.message}`)
          .sort();
      });
    const everyOrg = await due(true);
    expect(everyOrg.length).toBeGreaterThan(10);
    expect(everyOrg.some((x) => x.includes('12 个月内'))).toBe(true);
    expect(await due(false)).toEqual(everyOrg);
  });
});
