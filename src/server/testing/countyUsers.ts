// The committees the tests of region-kept records act as: the records are made in 西陵区, the
// city above it sees them, and the sibling county must see none of them.
import type { Fixture } from './fixture.ts';

/** The committees of 宜昌市 (the city), 西陵区 (the county) and 夷陵区 (the other county), signed in. */
export async function signInCountyCommittees(fx: Fixture) {
  const city = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  const county = await fx.clientAs({ roles: ['committee'], regionCode: '420502' });
  const otherCounty = await fx.clientAs({ roles: ['committee'], regionCode: '420506' });
  return { city, county, otherCounty };
}
