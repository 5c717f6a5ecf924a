// A secretary account is tied to one org; its scope is that org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { makeFixture } from '../testing/fixture.ts';

const fx = await makeFixture();
afterAll(() => fx.close());

let sysadmin: Awaited<ReturnType<typeof fx.clientAs>>;
let orgId: number;
beforeAll(async () => {
  sysadmin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
  orgId = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
});

describe('secretary accounts', () => {
  it('are created with their org, which must lie in the account’s region', async () => {
    const wrongRegion = await sysadmin.client.post('/api/users', {
      username: 'sec_wrong',
      displayName: '书记',
      regionCode: '420506',
      orgId,
    });
    expect([wrongRegion.status, wrongRegion.body.error.details[0].field]).toEqual([400, 'orgId']);
    const created = await sysadmin.client.post('/api/users', {
      username: 'sec_ok',
      displayName: '书记',
      regionCode: '420502',
      orgId,
    });
    expect([created.status, created.body.user.orgId]).toEqual([200, orgId]);
  });

  it('an org outside the administrator’s scope cannot be given', async () => {
    const wuhanAdmin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420100' });
    const res = await wuhanAdmin.client.post('/api/users', {
      username: 'sec_far',
      displayName: '书记',
      regionCode: '420102',
      orgId,
    });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'orgId']);
  });

  it('the session tells the secretary their org, and a secretary without one sees no org', async () => {
    const secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId });
    expect((await secretary.client.get('/api/session')).body.user.orgId).toBe(orgId);
    const unlinked = await fx.clientAs({ roles: ['secretary'], regionCode: '420502' });
    expect((await unlinked.client.get('/api/orgs')).body.total).toBe(0);
    expect((await unlinked.client.get(`/api/orgs/${orgId}`)).status).toBe(404);
  });
});
