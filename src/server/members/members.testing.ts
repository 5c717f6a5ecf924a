// Test support for the member tests (never imported by production code): valid, distinct ID
// numbers and phone numbers, and a request body.
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import { makeIdNumber, type Sex } from '../../domain/idNumber.ts';
import { letterValidUntil } from '../../domain/org/transfer.ts';
import { seeded } from '../../domain/random.ts';

const rand = seeded(20261122);
const used = new Set<string>();
let phones = 0;

export const today = () => localDateString(new Date());

/** A checksum-valid ID number not handed out before in this test file. */
export function newIdNumber(opts: { birthDate?: string; sex?: Sex; regionCode?: string } = {}): string {
  for (;;) {
    const id = makeIdNumber(rand, {
      regionCode: opts.regionCode ?? '420502',
      birthDate: opts.birthDate ?? '1990-05-12',
      sex: opts.sex ?? 'male',
    });
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** A mainland mobile number not handed out before in this test file. */
export function newPhone(): string {
  phones++;
  return `139${String(Math.floor(rand() * 1e4)).padStart(4, '0')}${String(phones).padStart(4, '0')}`;
}

/** The body of POST /api/members for a full member of `orgId`, with `more` on top. */
export function memberBody(orgId: number, more: Record<string, unknown> = {}) {
  return {
    name: '张三',
    idNumber: newIdNumber(),
    status: 'full',
    joinedOn: '2015-07-01',
    fullOn: '2016-07-01',
    orgId,
    employerId: null,
    position: '工程师',
    phone: newPhone(),
    ethnicity: '汉族',
    education: 'bachelor',
    relationOrgName: null,
    cultivation: [],
    ...more,
  };
}

/**
 * The first issue date whose letter is still valid today (validUntil ≥ today): a letter
 * issued the day before has expired. Found by search, since month arithmetic clamps.
 */
export function lastValidIssueDate(now = today()): string {
  let d = addMonths(now, -4);
  while (letterValidUntil(d) < now) d = addDays(d, 1);
  return d;
}

/** The body of PUT /api/members/{id}/away: away since `since` (by default 7 months ago, a mobile member). */
export function awayBody(more: Record<string, unknown> = {}) {
  return {
    place: '江苏省苏州市',
    workOrgId: null,
    since: addMonths(today(), -7),
    until: null,
    fixedPlace: false,
    ...more,
  };
}
