// Lists sort names by pinyin (migration 0029), on PGlite as on PostgreSQL: 阿 安 北 长 中, whose
// character codes put them in the order 中 北 安 长 阿. The ledger, the orgs, the members and the
// instructors, each through its list endpoint.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeInstructor } from '../casework/casework.testing.ts';
import { memberBody } from '../members/members.testing.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { makeFixture } from '../testing/fixture.ts';

const PINYIN = ['阿', '安', '北', '长', '中'];
// In a shuffled order, neither pinyin nor code point order.
const WRITTEN = ['长', '中', '阿', '北', '安'];

let fx: Awaited<ReturnType<typeof makeFixture>>;
let committee: TestClient;

beforeAll(async () => {
  fx = await makeFixture();
  committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  const dept = await makeDepartment(fx.database, '工信局');
  let orgId = 0;
  for (const first of WRITTEN) {
    const e = await makeEnterprise(fx.database, { name: `${first}江科技有限公司` });
    const org = await makeOrg(fx.database, [e.id], { name: `中共${first}江科技有限公司支部委员会` });
    orgId = org.id;
    await makeInstructor(fx.database, dept.id, { name: `${first}志强` });
  }
  for (const first of WRITTEN) {
    const res = await committee.post('/api/members', memberBody(orgId, { name: `${first}小明` }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(() => fx.close());

async function names(path: string): Promise<string[]> {
  const res = await committee.get(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { items: { name: string }[] }).items.map((i) => i.name);
}

describe('names in pinyin order', () => {
  it('holds for the key itself: letters first, then ideographs by pinyin, whatever the case', async () => {
    const words = ['中国', '长江', 'beta', '北京', '安徽', 'Alpha', '阿里', '阿'];
    const rows = await fx.rows<{ w: string }>(
      sql`select w from unnest(array[${sql.join(
        words.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[]) as w order by dangjian_pinyin_key(w), w`,
    );
    expect(rows.map((r) => r.w)).toEqual(['Alpha', 'beta', '阿', '阿里', '安徽', '北京', '长江', '中国']);
    // Code point order would have been otherwise: the key is what changes it.
    expect([...PINYIN].sort()).not.toEqual(PINYIN);
  });

  it('sorts the ledger by pinyin, in both directions', async () => {
    expect(await names('/api/enterprises?sort=name&order=asc')).toEqual(PINYIN.map((f) => `${f}江科技有限公司`));
    expect(await names('/api/enterprises?sort=name&order=desc')).toEqual(
      [...PINYIN].reverse().map((f) => `${f}江科技有限公司`),
    );
    // A name search sorts the same way (its own path through the matches).
    expect(await names(`/api/enterprises?sort=name&order=asc&q=${encodeURIComponent('江科技')}`)).toEqual(
      PINYIN.map((f) => `${f}江科技有限公司`),
    );
  });

  it('sorts the orgs, the members and the instructors by pinyin', async () => {
    expect(await names('/api/orgs')).toEqual(PINYIN.map((f) => `中共${f}江科技有限公司支部委员会`));
    expect(await names('/api/members?sort=name')).toEqual(PINYIN.map((f) => `${f}小明`));
    expect(await names('/api/instructors')).toEqual(PINYIN.map((f) => `${f}志强`));
  });

  it('keeps the key on every write: a renamed enterprise moves', async () => {
    await fx.rows(sql`update enterprises set name = '爱江科技有限公司' where name = '中江科技有限公司'`);
    // 爱 (ài) comes after 阿 (ā) and before 安 (ān).
    expect((await names('/api/enterprises?sort=name&order=asc')).slice(0, 3)).toEqual([
      '阿江科技有限公司',
      '爱江科技有限公司',
      '安江科技有限公司',
    ]);
  });
});
