// People in development at every stage (rules.md §6), at enterprises instructors are assigned
// to — so the instructors' derived outcomes (activists cultivated, members developed) count
// them — under the county's committee: a talk overdue, a fresh application, an activist, a
// candidate, one under political review, one admitted this year, one whose approval is
// overdue, one converted to full membership, one who withdrew and one made a candidate early, with a reason.
import { sql } from 'drizzle-orm';
import { addDays, addMonths, compareDates } from '../../domain/calendarDate.ts';
import { makeIdNumber } from '../../domain/idNumber.ts';
import type { Rand } from '../../domain/random.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import {
  closeDevelopment,
  createDevelopment,
  type DevelopmentPatch,
  updateDevelopment,
} from '../developments/write.ts';
import type { Keys } from '../keys.ts';
import { chineseName } from './names.ts';

const latest = (a: string, b: string) => (compareDates(a, b) >= 0 ? a : b);
const earliest = (a: string, b: string) => (compareDates(a, b) <= 0 ? a : b);

export async function demoDevelopmentStages(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  rand: Rand,
  prefix: string,
  orgId: number,
  idRegion: string,
  today: string,
) {
  const spans = await queryRows<{ enterpriseId: number; startOn: string }>(
    tx,
    sql`select a.enterprise_id as "enterpriseId", min(a.start_on)::text as "startOn" from assignments a
        join enterprises e on e.id = a.enterprise_id
        where e.region_code like ${`${prefix}%`} and a.end_on is null
        group by a.enterprise_id order by a.enterprise_id limit 9`,
  );
  if (spans.length === 0) return 0;
  const T = today;
  const m = (n: number) => addMonths(T, -n);
  const people = () => [chineseName(rand), chineseName(rand)];
  // Stages before admission, the activist a year and more before candidacy.
  const through = (applied: string, candidate: string | null): DevelopmentPatch => ({
    talkedOn: addDays(applied, 14),
    activistOn: addMonths(applied, 1),
    contacts: people(),
    ...(candidate ? { candidateOn: candidate } : {}),
  });
  const admitted = (on: string): DevelopmentPatch => ({
    ...through(addMonths(on, -26), addMonths(on, -12)),
    politicalReviewOn: addMonths(on, -11),
    trainingDays: 3,
    introducers: people(),
    admittedOn: on,
  });
  const yearStart = `${T.slice(0, 4)}-01-01`;
  const stages: ((startOn: string) => { appliedOn: string; patch: DevelopmentPatch | null; closed?: true })[] = [
    () => ({ appliedOn: addDays(T, -50), patch: null }), // talk overdue
    () => ({ appliedOn: addDays(T, -10), patch: null }),
    // An activist chosen during the assignment: counted for the instructor.
    (s) => ({
      appliedOn: addDays(s, -20),
      patch: { talkedOn: addDays(s, -10), activistOn: addDays(s, 5), contacts: people() },
    }),
    () => ({ appliedOn: m(16), patch: through(m(16), m(2)) }),
    () => ({ appliedOn: m(17), patch: { ...through(m(17), m(3)), politicalReviewOn: m(1) } }),
    // Admitted during the assignment and this year, the conversion approved by the higher committee.
    (s) => {
      const on = earliest(latest(addDays(s, 3), yearStart), T);
      const approved = addDays(on, 20);
      return {
        appliedOn: addMonths(on, -26),
        patch: { ...admitted(on), ...(compareDates(approved, T) <= 0 ? { approvedOn: approved } : {}) },
      };
    },
    () => ({ appliedOn: addMonths(m(4), -26), patch: admitted(m(4)) }), // approval overdue
    () => ({
      appliedOn: addMonths(m(24), -26),
      patch: {
        ...admitted(m(24)),
        approvedOn: addDays(m(24), 30),
        fullMeetingOn: m(11),
        fullApprovedOn: addDays(m(11), 20),
      },
    }),
    () => ({ appliedOn: m(8), patch: through(m(8), null), closed: true }),
    // Made a candidate ten months after becoming an activist, for a reason the committee reviews.
    () => ({
      appliedOn: m(13),
      patch: {
        ...through(m(13), m(2)),
        earlyReasons: { candidate: '在抗洪抢险中表现突出，经支部委员会研究提前列为发展对象' },
      },
    }),
  ];
  let n = 0;
  for (const [i, stage] of stages.entries()) {
    const span = spans[i % spans.length] as (typeof spans)[number];
    const { appliedOn, patch, closed } = stage(span.startOn);
    const birthDate = addDays('1988-01-01', Math.floor(rand() * 4000));
    const created = await createDevelopment(
      tx,
      actor,
      keys,
      {
        orgId,
        name: chineseName(rand),
        idNumber: makeIdNumber(rand, { regionCode: idRegion, birthDate, sex: rand() < 0.5 ? 'male' : 'female' }),
        employerId: span.enterpriseId,
        appliedOn,
      },
      T,
    );
    if (patch) await updateDevelopment(tx, actor, keys, created.id, patch, T);
    if (closed) await closeDevelopment(tx, actor, created.id, { closedOn: addDays(T, -20), reason: 'withdrawn' }, T);
    n++;
  }
  return n;
}
