// How one lost-contact member counts in 年报 table 43 (docs/annual-tables.md §7): the row of the
// kind of unit their org sits in, and the columns of who they are at 31 December — status, sex,
// ethnicity, age, 党龄, education — how long they have been out of contact, and the 失联情形.
// Pure, so the definitions are read and tested in one place; the server only gathers the facts.
import { ageOn } from '../calendarDate.ts';
import { emptyCells, NB43, type NbCells } from './nbTables.ts';

/** One member counted at the table's date, as the server reads them from the records. */
export interface Nb43Member {
  regionCode: string;
  /** The kind of unit the member's org covers at the date. */
  unit: 'non_public' | 'social' | 'other';
  /** Probationary at the date (not yet confirmed then). */
  probationary: boolean;
  sex: string;
  ethnicity: string | null;
  birthDate: string;
  /** 转正 date: 党龄 counts from it. */
  fullOn: string | null;
  education: string | null;
  outOfContactSince: string;
  circumstance: string;
}

const UNIT_ROW = { non_public: 7, social: 8, other: 9 } as const;

const EDUCATION_COLUMN: Record<string, string> = {
  postgraduate: 'N',
  bachelor: 'N',
  college: 'N',
  secondary_vocational: 'O',
  high_school: 'O',
  junior_or_below: 'P',
};

const CIRCUMSTANCE_COLUMN: Record<string, string> = {
  '1': 'U',
  '2': 'V',
  '3': 'W',
  '4': 'X',
  '5': 'Y',
  '6': 'Z',
  '7': 'AA',
};

/** 汉族 (or unknown) is not a minority; any other recorded 民族 is. */
export function isMinority(ethnicity: string | null): boolean {
  const e = ethnicity?.trim();
  return !!e && e !== '汉族' && e !== '汉';
}

/** The columns the member counts in at `asOf`. A member without a recorded education counts in none of N–P. */
export function nb43Columns(m: Nb43Member, asOf: string): string[] {
  const cols = ['A'];
  if (m.probationary) cols.push('B');
  if (m.sex === 'female') cols.push('C');
  if (isMinority(m.ethnicity)) cols.push('D');
  const age = ageOn(m.birthDate, asOf);
  cols.push(age <= 35 ? 'E' : age <= 45 ? 'F' : age <= 60 ? 'G' : 'H');
  // 党龄 counts from confirmation; a probationary member has less than a year of it.
  const standing = m.probationary || m.fullOn === null ? 0 : ageOn(m.fullOn, asOf);
  cols.push(standing < 1 ? 'I' : standing <= 5 ? 'J' : standing <= 10 ? 'K' : standing <= 20 ? 'L' : 'M');
  const schooling = m.education ? EDUCATION_COLUMN[m.education] : undefined;
  if (schooling) cols.push(schooling);
  const lost = ageOn(m.outOfContactSince, asOf);
  cols.push(lost < 1 ? 'Q' : lost <= 5 ? 'R' : lost <= 10 ? 'S' : 'T');
  const circumstance = CIRCUMSTANCE_COLUMN[m.circumstance];
  if (circumstance) cols.push(circumstance);
  return cols;
}

/** The figures of one region row of table 43. */
export class Nb43Tally {
  readonly cells: NbCells = emptyCells(NB43);

  constructor(readonly asOf: string) {}

  count(m: Nb43Member): void {
    for (const row of [1, UNIT_ROW[m.unit]]) {
      for (const c of nb43Columns(m, this.asOf)) this.cells[`${c}${row}`] = (this.cells[`${c}${row}`] ?? 0) + 1;
    }
  }
}
