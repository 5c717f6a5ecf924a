// What organizations achieve (作用发挥, rules.md §11; documents 000, 003, 004): the kinds of
// record an org keeps, what each carries, and the instructor outcomes derived from them.
import type { OutcomeKind } from '../casework/outcomes.ts';
import { choices } from '../enterprise/codes.ts';

export const ACHIEVEMENT_KINDS = choices({
  proposal: '建言献策',
  pledge: '目标承诺',
  problem_solved: '破解难题',
  innovation: '创新项目',
  contribution: '社会贡献',
  model_post: '党员示范岗',
  responsibility_zone: '党员责任区',
});
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number]['code'];

/** The forms a kind takes (a proposal as 金点子, a contribution as 助学 …); kinds not listed have none. */
export const ACHIEVEMENT_FORMS = choices({
  rationalization: '合理化建议',
  one_idea: '我为企业献一策',
  golden_idea: '金点子',
  tech_tackling: '技术攻关',
  small_invention: '小发明小革新',
  donation: '捐款捐物',
  student_aid: '助学',
  poverty_relief: '扶贫',
  village_enterprise: '村企共建',
});
export type AchievementForm = (typeof ACHIEVEMENT_FORMS)[number]['code'];

/**
 * What each kind carries. `form`: the forms it is recorded as (one required where listed);
 * `benefit`: an economic benefit in 万元 (optional); `amount`: an amount in 万元 (required);
 * `members`: how many members it names (a pledge is one member's; a post or zone is held by
 * members; a proposal's proposer is a member or a named non-member); `period`: from–to
 * ('required': both dates; 'from': a start, the end once it ends; 'none'); `status`: what is
 * followed up (a proposal adopted, a pledge fulfilled).
 */
export const KIND_RULES: Record<
  AchievementKind,
  {
    forms: readonly AchievementForm[];
    benefit: boolean;
    amount: boolean;
    members: 'one' | 'proposer' | 'some' | 'any';
    period: 'required' | 'from' | 'none';
    status: 'adopted' | 'fulfilled' | null;
  }
> = {
  proposal: {
    forms: ['rationalization', 'one_idea', 'golden_idea'],
    benefit: true,
    amount: false,
    members: 'proposer',
    period: 'none',
    status: 'adopted',
  },
  pledge: { forms: [], benefit: false, amount: false, members: 'one', period: 'required', status: 'fulfilled' },
  problem_solved: { forms: [], benefit: true, amount: false, members: 'any', period: 'none', status: null },
  innovation: {
    forms: ['tech_tackling', 'small_invention'],
    benefit: true,
    amount: false,
    members: 'any',
    period: 'none',
    status: null,
  },
  contribution: {
    forms: ['donation', 'student_aid', 'poverty_relief', 'village_enterprise'],
    benefit: false,
    amount: true,
    members: 'any',
    period: 'none',
    status: null,
  },
  model_post: { forms: [], benefit: false, amount: false, members: 'some', period: 'from', status: null },
  responsibility_zone: { forms: [], benefit: false, amount: false, members: 'some', period: 'from', status: null },
};

/**
 * The instructor outcomes counted from these records (rules.md §11): for an enterprise
 * assigned to an instructor, each record of the kind dated during the assignment counts one,
 * and an innovation its benefit. Once a record of a kind exists for the assignment, figures
 * of that kind typed for it no longer count, and typing more is refused.
 */
export const OUTCOME_FROM_ACHIEVEMENT: Partial<Record<OutcomeKind, AchievementKind>> = {
  pledges: 'pledge',
  proposals: 'proposal',
  problems: 'problem_solved',
  innovations: 'innovation',
};

/** A 万元 amount as stored: not negative, at most two decimals, below numeric(12,2)'s limit. */
export function moneyError(what: string, value: number): string | null {
  if (!Number.isFinite(value)) return `${what}应为数字`;
  if (value < 0) return `${what}不能为负数`;
  if (value >= 1e10) return `${what}过大`;
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) return `${what}（万元）最多保留两位小数`;
  return null;
}
