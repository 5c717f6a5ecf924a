// The users most API tests act as: someone in scope to do the work, someone in scope who only
// reads, and someone outside the scope who must get nothing.
import type { Fixture } from '../testing/fixture.ts';

export type { Logged } from '../testing/fixture.ts';

/** 宜昌's committee and leader, and 武汉's committee (outside 宜昌's scope), signed in. */
export async function signInUsers(fx: Fixture) {
  const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
  const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
  return { committee, leader, wuhan };
}
