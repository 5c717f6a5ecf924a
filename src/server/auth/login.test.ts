import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, TEST_PASSWORD } from '../testing/fixture.ts';

let fx: Awaited<ReturnType<typeof makeFixture>>;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(() => fx.close());

describe('login', () => {
  it('logs a leader in and shows the dashboard', async () => {
    const user = await fx.makeUser({ roles: ['leader'], regionCode: '420500' });
    const c = fx.client();
    const res = await c.login(user.username, TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.state).toEqual({
      mfaRequired: false,
      mustChangePassword: false,
      mustEnrolTotp: false,
      mustChooseRegion: false,
    });
    const dash = await c.get('/api/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.region.name).toBe('宜昌市');
  });
});
