// A secretary account is tied to one org; its scope is that org.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';

const fx = await fileFixture();

let sysadmin: Logged;
let orgId: number;
beforeAll(async () => {
  sysadmin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
  orgId = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
});

/** An administrator's request for a secretary account of the org, in the given region. */
const createSecretary = (admin: Logged, username: string, regionCode: string) =>
  admin.client.post('/api/users', { username, displayName: '书记', regionCode, orgId });

describe('secretary accounts', () => {
  it('are created with their org, which must lie in the account’s region', async () => {
    const wrongRegion = await createSecretary(sysadmin, 'sec_wrong', '420506');
    expect([wrongRegion.status, wrongRegion.body.error.details[0].field]).toEqual([400, 'orgId']);
    const created = await createSecretary(sysadmin, 'sec_ok', '420502');
    expect([created.status, created.body.user.orgId]).toEqual([200, orgId]);
  });

  it('an org outside the administrator’s scope cannot be given', async () => {
    const wuhanAdmin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420100' });
    const res = await createSecretary(wuhanAdmin, 'sec_far', '420102');
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
