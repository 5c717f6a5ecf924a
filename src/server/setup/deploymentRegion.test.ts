/**
 * The deployment's region (issue #14 item 11): a start without DANGJIAN_REGION leaves the
 * system administrator's first login ending with the choice of region, which moves the
 * administrators (三员) there, is audited, and is made once; a start that names the region
 * makes it and no one is asked.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { settleRegion } from '../bootstrap.ts';
import { users } from '../db/schema.ts';
import { makeFixture } from '../testing/fixture.ts';

const regionOf = async (fx: Awaited<ReturnType<typeof makeFixture>>, id: number) =>
  (await fx.database.db.select({ code: users.regionCode }).from(users).where(eq(users.id, id)))[0].code;

describe('chosen at the first login', async () => {
  const fx = await makeFixture();
  afterAll(() => fx.close());
  const admin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '000000' });
  const secadmin = await fx.clientAs({ roles: ['secadmin'], regionCode: '000000' });
  const auditor = await fx.makeUser({ roles: ['auditor'], regionCode: '000000' });
  const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420000' });

  it('is the system administrator’s last login step while no region was chosen, and no one else’s', async () => {
    expect((await admin.client.get('/api/session')).body.state.mustChooseRegion).toBe(true);
    expect((await secadmin.client.get('/api/session')).body.state.mustChooseRegion).toBe(false);
    expect((await committee.client.get('/api/session')).body.state.mustChooseRegion).toBe(false);
  });

  it('refuses a region that does not exist, and a user who may not change settings', async () => {
    const unknown = await admin.client.put('/api/setup/region', { regionCode: '429999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('区划代码 429999 不存在');
    expect((await committee.client.put('/api/setup/region', { regionCode: '420500' })).status).toBe(403);
    expect((await admin.client.get('/api/session')).body.state.mustChooseRegion).toBe(true);
    expect(await regionOf(fx, admin.user.id)).toBe('000000');
  });

  it('moves the administrators there, not the other users, and is audited', async () => {
    const res = await admin.client.put('/api/setup/region', { regionCode: '420500' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.regionName).toBe('宜昌市');
    expect([...res.body.moved].sort()).toEqual([admin.user.username, auditor.username, secadmin.user.username].sort());
    for (const id of [admin.user.id, secadmin.user.id, auditor.id]) expect(await regionOf(fx, id)).toBe('420500');
    expect(await regionOf(fx, committee.user.id)).toBe('420000');
    const session = (await admin.client.get('/api/session')).body;
    expect(session.state.mustChooseRegion).toBe(false);
    expect(session.user.regionName).toBe('宜昌市');
    const audited = await fx.rows<{ actor_name: string; diff: { after: { regionCode: string } } }>(
      sql`select actor_name, diff from audit_log where action = 'settings.region' and result = 'success'`,
    );
    expect(audited).toEqual([expect.objectContaining({ actor_name: admin.user.username })]);
    expect(audited[0].diff.after.regionCode).toBe('420500');
  });

  it('is made once: a second choice is refused and changes nothing', async () => {
    const again = await admin.client.put('/api/setup/region', { regionCode: '420000' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已选定');
    expect(await regionOf(fx, admin.user.id)).toBe('420500');
  });
});

describe('named by the start (DANGJIAN_REGION, serve --region)', async () => {
  const fx = await makeFixture();
  afterAll(() => fx.close());
  const admin = await fx.makeUser({ roles: ['sysadmin'], regionCode: '000000' });

  it('is taken when none was chosen, and the administrator is not asked', async () => {
    expect(await settleRegion(fx.database, '420500', 'command')).toBeNull();
    expect(await regionOf(fx, admin.id)).toBe('420500');
    const c = fx.client();
    expect((await c.login(admin.username, admin.password)).body.state.mustChooseRegion).toBe(false);
  });

  it('leaves a region chosen before as it is, and says so', async () => {
    expect(await settleRegion(fx.database, '420000', 'env')).toContain('未采用');
    expect(await regionOf(fx, admin.id)).toBe('420500');
  });
});
