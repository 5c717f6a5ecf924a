import { beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { assignTo, createInstructor, departmentId, today } from './instructors.testing.ts';

const fx = await fileFixture();

let committee: Logged;
const i: Record<string, number> = {};
let factory: { id: number };

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  const gongxin = await departmentId(committee.client, '工信');
  const zuzhi = await departmentId(committee.client, '组织部');
  // A manufacturer (division 13, section C) in 西陵区.
  factory = await makeEnterprise(fx.database, { industryCode: '13', regionCode: '420502' });
  i.relevantFar = await createInstructor(committee.client, gongxin, { name: '工信远', regionCode: '420503' });
  i.relevantNearBusy = await createInstructor(committee.client, gongxin, { name: '工信近忙', regionCode: '420502' });
  i.near = await createInstructor(committee.client, zuzhi, { name: '组织近', regionCode: '420502' });
  i.left = await createInstructor(committee.client, gongxin, { name: '已离任', regionCode: '420502' });
  i.already = await createInstructor(committee.client, zuzhi, { name: '已选派', regionCode: '420502' });
  for (let n = 0; n < 3; n++)
    await assignTo(committee.client, i.relevantNearBusy, (await makeEnterprise(fx.database)).id);
  await committee.client.patch(`/api/instructors/${i.left}`, { leftOn: today() });
});

const suggest = (id: number, wider = false) =>
  committee.client.get(`/api/enterprises/${id}/instructor-suggestions${wider ? '?wider=true' : ''}`);
interface Suggestion {
  rank: number;
  score: number;
  reasons: unknown[];
  explanation: string;
  instructor: { id: number; name: string; phone: string };
}
/** The suggestions among this file's instructors (the fixture's database holds others too). */
const ours = (body: { items: Suggestion[] }) => body.items.filter((s) => Object.values(i).includes(s.instructor.id));

describe('suggestions for an enterprise without work coverage', () => {
  it('come from the enterprise’s county first; widened, every instructor is ranked on points', async () => {
    // 工信远 serves 伍家岗区: more points than anyone in 西陵区, but another county's.
    const near = await suggest(factory.id);
    expect(near.body.within).toEqual({ code: '420502', name: '西陵区' });
    const names = (body: typeof near.body) => ours(body).map((s) => s.instructor.name);
    expect(names(near.body)).toEqual(['工信近忙', '组织近', '已选派']);
    expect(near.body.elsewhere).toBeGreaterThanOrEqual(1);
    const wide = await suggest(factory.id, true);
    expect(wide.body.within).toBe(null);
    expect(wide.body.elsewhere).toBe(0);
    expect(wide.body.considered).toBe(near.body.considered + near.body.elsewhere);
    expect(names(wide.body)[0]).toBe('工信远');
  });

  it('rank serving instructors by relevance, region and load, each rank explained', async () => {
    const res = await suggest(factory.id, true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.enterprise).toMatchObject({ section: 'C', sectionName: '制造业', workCovered: false });
    const ranked = ours(res.body);
    expect(ranked.map((s) => [s.instructor.name, s.score])).toEqual([
      ['工信远', 40 + 10 + 20],
      ['工信近忙', 40 + 20 + 5],
      ['组织近', 0 + 20 + 20],
      ['已选派', 0 + 20 + 20],
    ]);
    const [, busy] = ranked;
    expect(busy.reasons).toEqual([
      { factor: 'relevance', points: 40, matched: true, section: 'C' },
      { factor: 'region', points: 20, proximity: 'county' },
      { factor: 'load', points: 5, load: 3 },
    ]);
    expect(busy.explanation).toMatch(
      /^第 \d+ 位，65 分：经济和信息化局（工信）职能与制造业（C）相关（\+40）；同一县（市、区）（\+20）；目前联系 3 家企业（\+5）$/,
    );
    // Equal points (组织近, 已选派): the lighter load, then the earlier registered, first.
    expect(ranked[2].rank).toBeLessThan(ranked[3].rank);
    expect(busy.instructor.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(res.body.items.map((s: { rank: number }) => s.rank)).toEqual(
      res.body.items.map((_: unknown, n: number) => n + 1),
    );
  });

  it('leave out whoever already serves the enterprise, and the relevance map changes the order at once', async () => {
    await assignTo(committee.client, i.already, factory.id, today());
    const zuzhi = await departmentId(committee.client, '组织部');
    await committee.client.patch(`/api/departments/${zuzhi}`, { industries: ['C'] });
    const res = await suggest(factory.id);
    expect(res.body.enterprise.workCovered).toBe(true);
    const names = res.body.items.map((s: { instructor: { name: string } }) => s.instructor.name);
    expect(names).not.toContain('已选派');
    expect(names).not.toContain('已离任');
    expect(names[0]).toBe('组织近'); // 40 + 20 + 20 now
    await committee.client.patch(`/api/departments/${zuzhi}`, { industries: [] });
  });

  it('an enterprise without an industry is ranked on region and load only', async () => {
    const e = await makeEnterprise(fx.database, { industryCode: null, regionCode: '420503' });
    const res = await suggest(e.id);
    expect(res.body.enterprise.section).toBe(null);
    expect(res.body.items[0].instructor.name).toBe('工信远');
    expect(res.body.items[0].reasons[0]).toEqual({ factor: 'relevance', points: 0, matched: null, section: null });
  });

  it('are refused outside the region (404) and to a leader (403)', async () => {
    const wuhan = await makeEnterprise(fx.database, { regionCode: '420102' });
    expect((await suggest(wuhan.id)).status).toBe(404);
    const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
    expect((await leader.client.get(`/api/enterprises/${factory.id}/instructor-suggestions`)).status).toBe(403);
  });
});
