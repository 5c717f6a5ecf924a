// The to-do centre (待办, issue #14 item 7): each role's due items from the prompts engine and
// the quarterly submission area, only what the role can open and act on, only in its scope,
// and a count that is the list's length.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { previousQuarter, quarterOf } from '../../domain/stats/quarter.ts';
import {
  daysAgo,
  makeAssignment,
  makeDepartment,
  makeDevelopment,
  makeInstructor,
} from '../casework/casework.testing.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

interface Item {
  level: string;
  title: string;
  message: string;
  link: { type: string; id?: number; quarter?: string };
}
interface Todo {
  total: number;
  sections: { key: string; total: number; items: Item[] }[];
}

const A = '420502';
const B = '420503';
const Q = previousQuarter(quarterOf(localDateString(new Date())));
const ids: Record<string, number> = {};
const as: Record<string, TestClient> = {};

/** In region `region`: an org past its re-election, a development record past its talk, an assignment with a silent request. */
async function regionWithDueItems(region: string, city: TestClient, tag: string) {
  const e = await makeEnterprise(fx.database, { regionCode: region, name: `${tag}企业` });
  const org = await makeOrg(fx.database, [e.id], {
    regionCode: region,
    name: `${tag}党支部`,
    establishedOn: '2019-01-01',
  });
  expect((await city.post(`/api/orgs/${org.id}/elections`, { electedOn: '2022-01-10' })).status).toBe(200);
  const dev = await makeDevelopment(fx.database, org.id, e.id, { appliedOn: '2020-01-01' });
  const dept = await makeDepartment(fx.database);
  const instructor = await makeInstructor(fx.database, dept.id, { regionCode: region, name: `${tag}指导员` });
  const assignment = await makeAssignment(fx.database, instructor.id, e.id, daysAgo(60));
  const [request] = await fx.rows<{ id: number }>(
    sql`insert into requests (assignment_id, category, description, status, received_on, last_update_on)
        values (${assignment.id}, 'financing', '流动资金贷款', 'received', ${daysAgo(90)}, ${daysAgo(90)}) returning id`,
  );
  Object.assign(ids, {
    [`org${tag}`]: org.id,
    [`dev${tag}`]: dev.id,
    [`assignment${tag}`]: assignment.id,
    [`request${tag}`]: request?.id,
    [`instructor${tag}`]: instructor.id,
  });
}

const todoOf = async (client: TestClient): Promise<Todo> => {
  const res = await client.get('/api/todo');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const links = (todo: Todo, key: string) =>
  todo.sections.find((s) => s.key === key)?.items.map((i) => i.link.id ?? i.link.quarter) ?? [];

beforeAll(async () => {
  const city = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  await regionWithDueItems(A, city, 'A');
  await regionWithDueItems(B, city, 'B');
  as.committeeA = (await fx.clientAs({ roles: ['committee'], regionCode: A })).client;
  as.committeeB = (await fx.clientAs({ roles: ['committee'], regionCode: B })).client;
  as.secretaryA = (await fx.clientAs({ roles: ['secretary'], regionCode: A, orgId: ids.orgA })).client;
  as.instructorA = (await fx.clientAs({ roles: ['instructor'], regionCode: A, instructorId: ids.instructorA })).client;
  as.leaderA = (await fx.clientAs({ roles: ['leader'], regionCode: A })).client;
  as.sysadmin = (await fx.clientAs({ roles: ['sysadmin'], regionCode: A })).client;
  // B has submitted the last quarter's report; A has not.
  expect((await as.committeeB.post('/api/reports/quarterly/submit', { quarter: Q })).status).toBe(200);
});

describe('to-do centre', () => {
  it('the committee: its region’s re-elections, development steps, silent requests, missed contacts and reports to submit', async () => {
    const todo = await todoOf(as.committeeA);
    expect(links(todo, 'reelection')).toEqual([ids.orgA]);
    expect(links(todo, 'development')).toEqual([ids.devA]);
    expect(links(todo, 'request_silent')).toEqual([ids.requestA]);
    expect(links(todo, 'contact_missed')).toEqual([ids.assignmentA]);
    expect(links(todo, 'quarterly_report')).toEqual([Q, previousQuarter(Q)]);
    expect(todo.sections.flatMap((s) => s.items.map((i) => i.level))).not.toContain('info');
  });

  it('another region’s items are never listed or counted', async () => {
    const a = JSON.stringify(await todoOf(as.committeeA));
    for (const key of ['orgB', 'devB', 'assignmentB', 'requestB']) {
      expect(a, key).not.toContain(`"id":${ids[key]}}`);
    }
    const b = await todoOf(as.committeeB);
    expect(links(b, 'reelection')).toEqual([ids.orgB]);
    expect(links(b, 'request_silent')).toEqual([ids.requestB]);
    // B submitted the last quarter: only the one before is still to do.
    expect(links(b, 'quarterly_report')).toEqual([previousQuarter(Q)]);
  });

  it('the secretary: their own org’s re-election and development steps, nothing they cannot open', async () => {
    const todo = await todoOf(as.secretaryA);
    // The meetings due by rules.md §10 are the secretary's to record (orglife/prompts.ts).
    expect(todo.sections.map((s) => s.key).sort()).toEqual(['development', 'orglife', 'reelection']);
    expect(new Set(links(todo, 'orglife'))).toEqual(new Set([ids.orgA]));
    expect(links(todo, 'reelection')).toEqual([ids.orgA]);
    expect(links(todo, 'development')).toEqual([ids.devA]);
  });

  it('the instructor: the silent requests and missed contacts of their own assignments only', async () => {
    const todo = await todoOf(as.instructorA);
    expect(todo.sections.map((s) => s.key).sort()).toEqual(['contact_missed', 'request_silent']);
    expect(links(todo, 'request_silent')).toEqual([ids.requestA]);
    expect(links(todo, 'contact_missed')).toEqual([ids.assignmentA]);
    // Every link opens: the request and the assignment are the instructor's.
    expect((await as.instructorA.get(`/api/casework/requests/${ids.requestA}`)).status).toBe(200);
    const page = await as.instructorA.get(`/api/casework/assignments?id=${ids.assignmentA}`);
    expect(page.body.items.map((a: { id: number }) => a.id)).toEqual([ids.assignmentA]);
  });

  it('read-only and administrator roles have no to-dos and no bell', async () => {
    for (const who of ['leaderA', 'sysadmin']) {
      expect((await as[who]!.get('/api/todo/count')).body, who).toEqual({ enabled: false, total: 0 });
      expect((await todoOf(as[who]!)).sections, who).toEqual([]);
    }
  });

  it('the count is the list’s length, for every role', async () => {
    for (const who of ['committeeA', 'committeeB', 'secretaryA', 'instructorA']) {
      const todo = await todoOf(as[who]!);
      const count = await as[who]!.get('/api/todo/count');
      expect(count.status).toBe(200);
      const listed = todo.sections.reduce((n, s) => n + s.items.length, 0);
      expect([who, count.body.total, todo.total]).toEqual([who, listed, listed]);
      expect(listed, who).toBeGreaterThan(0);
    }
  });

  it('a resolved item leaves the count: the re-election done, the report submitted', async () => {
    const before = (await as.committeeA.get('/api/todo/count')).body.total;
    expect((await as.committeeA.post(`/api/orgs/${ids.orgA}/elections`, { electedOn: daysAgo(1) })).status).toBe(200);
    expect((await as.committeeA.post('/api/reports/quarterly/submit', { quarter: Q })).status).toBe(200);
    const todo = await todoOf(as.committeeA);
    expect(links(todo, 'reelection')).toEqual([]);
    expect(links(todo, 'quarterly_report')).toEqual([previousQuarter(Q)]);
    expect(todo.total).toBe(before - 2);
  });

  it('messages follow the language asked for', async () => {
    const res = await as.instructorA.get('/api/todo', { lang: 'en-US' });
    const item = res.body.sections.find((s: { key: string }) => s.key === 'request_silent').items[0];
    expect(item.message).toMatch(/^Request not updated for \d+ days/);
  });
});
