// Organisational life (组织生活, rules.md §10): the kinds of meeting, how often each is due, the
// periods a frequency divides the year into, and the quorum of a voting general meeting.
import { addDays, addMonths, parseDate } from '../calendarDate.ts';
import { choices } from '../enterprise/codes.ts';

export const MEETING_KINDS = choices({
  general_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  member_review: '民主评议党员',
});
export type MeetingKind = (typeof MEETING_KINDS)[number]['code'];
export const MEETING_KIND_CODES = MEETING_KINDS.map((k) => k.code);
/** The kinds in English, for the prompts the server words in both languages. */
export const MEETING_KIND_EN: Record<MeetingKind, string> = {
  general_meeting: 'general meeting of members',
  committee_meeting: 'branch committee meeting',
  group_meeting: 'party group meeting',
  party_lecture: 'party lecture',
  theme_day: 'theme party day',
  life_meeting: 'organisational life meeting',
  member_review: 'democratic review of members',
};

/** What a general meeting votes on (表决): admission and confirmation come from a development record. */
export const VOTE_KINDS = choices({ admission: '接收预备党员', confirmation: '预备党员转正', election: '选举' });
export type VoteKind = (typeof VOTE_KINDS)[number]['code'];

/** Why a member of the org was absent; 流动在外 is set by the server for mobile members. */
export const ABSENCE_REASONS = choices({ leave: '请假（事先批准）', mobile: '流动在外', other: '其他' });
export type AbsenceReason = (typeof ABSENCE_REASONS)[number]['code'];

export const FREQUENCIES = choices({
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
  none: '不作要求',
});
export type Frequency = (typeof FREQUENCIES)[number]['code'];

/** How many months one period of a frequency lasts. */
const MONTHS: Record<Exclude<Frequency, 'none'>, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The frequencies of rules.md §10, the deployment's defaults. */
export const DEFAULT_FREQUENCIES: Record<MeetingKind, Frequency> = {
  general_meeting: 'quarter',
  committee_meeting: 'month',
  group_meeting: 'month',
  party_lecture: 'quarter',
  theme_day: 'month',
  life_meeting: 'year',
  member_review: 'year',
};

export interface Period {
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
}

/** The period of `frequency` that holds `date`: periods are calendar months, quarters, halves, years. */
export function periodOf(frequency: Exclude<Frequency, 'none'>, date: string): Period {
  const { year, month } = parseDate(date);
  const length = MONTHS[frequency];
  const first = Math.floor((month - 1) / length) * length + 1;
  const start = `${year}-${String(first).padStart(2, '0')}-01`;
  return { start, end: addDays(addMonths(start, length), -1) };
}

/** The period before the one that holds `date`. */
export function previousPeriod(frequency: Exclude<Frequency, 'none'>, date: string): Period {
  return periodOf(frequency, addDays(periodOf(frequency, date).start, -1));
}

/** A period's name in words: 2026年12月, 2026年第4季度, 2026年上半年, 2026年. */
export function periodName(frequency: Exclude<Frequency, 'none'>, p: Period, lang: 'zh' | 'en' = 'zh'): string {
  const { year, month } = parseDate(p.start);
  if (frequency === 'month') return lang === 'zh' ? `${year}年${month}月` : `${p.start.slice(0, 7)}`;
  if (frequency === 'quarter') {
    const q = (month + 2) / 3;
    return lang === 'zh' ? `${year}年第${q}季度` : `${year} Q${q}`;
  }
  if (frequency === 'half_year') {
    const first = month === 1;
    return lang === 'zh' ? `${year}年${first ? '上' : '下'}半年` : `${year} H${first ? 1 : 2}`;
  }
  return lang === 'zh' ? `${year}年` : `${year}`;
}

/** Whether members on leave approved in advance count towards the number a quorum needs. */
export type LeaveInQuorum = 'count' | 'exclude';

export interface QuorumFacts {
  /** Full members of the org on the meeting date (those with a vote). */
  voting: number;
  /** Of them, present. */
  present: number;
  /** Of them, absent on leave approved in advance. */
  onLeave: number;
}

export interface Quorum {
  /** The number the majority is taken of. */
  base: number;
  /** The fewest present for a quorum: more than half of the base. */
  needed: number;
  met: boolean;
}

/**
 * More than half of the full members with a vote present (rules.md §10); members on leave
 * approved in advance leave the base only where the deployment sets so.
 */
export function quorumOf(f: QuorumFacts, leave: LeaveInQuorum): Quorum {
  const base = leave === 'exclude' ? f.voting - f.onLeave : f.voting;
  const needed = Math.floor(base / 2) + 1;
  return { base, needed, met: base > 0 && f.present >= needed };
}
