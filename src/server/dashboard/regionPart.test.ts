// The dashboard's administrative figures per child region (sub-regions and user accounts), as
// the plain per-child count gives them, at every level from a province down to a county.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, makeFixture } from '../testing/fixture.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(() => fx.close());

interface Child {
  code: string;
  subRegions: number;
  users: number;
}

describe('the dashboard’s child regions', () => {
  it('count each child’s sub-regions and users as a count per child does', async () => {
    // Accounts at a city, a county and a town.
    const [town] = await fx.rows<{ code: string }>(
      sql`select code from regions where parent_code = '420506' order by code limit 1`,
    );
    for (const regionCode of ['420500', '420506', town?.code ?? '']) {
      await fx.clientAs({ roles: ['committee'], regionCode });
    }
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420000' });
    for (const region of ['420000', '420500', '420506']) {
      const res = await client.get(`/api/dashboard?region=${region}`);
      expect(res.status).toBe(200);
      const expected = await fx.rows<Child>(
        sql`select c.code,
              (select count(*)::int from regions d where d.code like c.prefix || '%' and d.code <> c.code) as "subRegions",
              (select count(*)::int from users u where u.region_code like c.prefix || '%') as users
            from regions c where c.parent_code = ${region} order by c.code`,
      );
      const got = (res.body.children as (Child & { direct?: boolean })[])
        .filter((c) => !c.direct)
        .map(({ code, subRegions, users }) => ({ code, subRegions, users }));
      expect(got, region).toEqual(expected);
      expect(
        got.some((c) => c.users > 0),
        region,
      ).toBe(true);
    }
  });
});
