// The demo's pool and honours: built through the services, reproducible, added once per region.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../domain/random.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { memberBody } from '../members/members.testing.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { demoRecognition } from './recognition.ts';

const fx = await fileFixture();
const run = () =>
  inScope(fx.database.db, localOperator(), (tx) => demoRecognition(tx, localOperator(), fx.keys, seeded(3), '420502'));

beforeAll(async () => {
  const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420502' });
  for (let i = 0; i < 3; i++) {
    const e = await makeEnterprise(fx.database, { regionCode: '420502' });
    const org = await makeOrg(fx.database, [e.id], { establishedOn: '2018-03-01', secretarySource: 'dispatched' });
    await committee.client.post(`/api/orgs/${org.id}/officers`, {
      post: 'secretary',
      personName: `原书记${i}`,
      memberId: null,
      startOn: '2018-03-01',
    });
    const m = await committee.client.post('/api/members', memberBody(org.id, { name: `党员${i}` }));
    expect(m.status, JSON.stringify(m.body)).toBe(200);
  }
});

describe('the demo pool and honours', () => {
  it('sends pool secretaries to orgs (one back already), honours orgs and members, names sites; once', async () => {
    const first = await run();
    expect(first.dispatches).toBe(4);
    expect(first.pool).toBe(4 + 8);
    expect(first.honours).toBe(3 + 3);
    expect(first.sites).toBe(4);
    const [facts] = await fx.rows<{ serving: number; back: number; origins: number; sitting: number }>(sql`select
      (select count(*)::int from secretary_dispatches where end_on is null) as serving,
      (select count(*)::int from secretary_dispatches where end_on is not null) as back,
      (select count(distinct origin)::int from pool_secretaries) as origins,
      (select count(*)::int from org_officers o join secretary_dispatches d on d.officer_id = o.id
         where o.end_on is null and d.end_on is null) as sitting`);
    expect(facts).toEqual({ serving: 3, back: 1, origins: 8, sitting: 3 });
    expect(await run()).toEqual({ pool: 0, dispatches: 0, honours: 0, sites: 0 });
  });
});
