// Helpers of the instructor area's tests.
import { expect } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import type { TestClient } from '../testing/client.ts';

export const today = () => localDateString(new Date());
export const daysAgo = (n: number) => addDays(today(), -n);

let phones = 0;
/** A distinct mobile number per call. */
export const newPhone = () => `139${String(20_000_000 + ++phones).padStart(8, '0')}`;

/** The id of a department of the catalogue by (part of) its name, loading the defaults if need be. */
export async function departmentId(client: TestClient, name: string): Promise<number> {
  const res = await client.get('/api/departments');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const d = (res.body as { id: number; name: string }[]).find((x) => x.name.includes(name));
  if (!d) throw new Error(`no department ${name}`);
  return d.id;
}

export function instructorBody(departmentId: number, more: Record<string, unknown> = {}) {
  return {
    kind: 'instructor',
    name: '张明',
    sourceDepartmentId: departmentId,
    post: '副科长',
    fullTime: false,
    regionCode: '420502',
    phone: newPhone(),
    ...more,
  };
}

export async function createInstructor(client: TestClient, departmentId: number, more: Record<string, unknown> = {}) {
  const res = await client.post('/api/instructors', instructorBody(departmentId, more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

export async function assignTo(client: TestClient, instructorId: number, enterpriseId: number, startOn = daysAgo(30)) {
  const res = await client.post(`/api/instructors/${instructorId}/assignments`, { enterpriseId, startOn });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}
