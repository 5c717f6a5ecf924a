// The owner satisfaction survey (满意度测评), after document 002: owners of the enterprises with
// an instructor are asked how effective the instructor system is and how satisfied they are
// with the instructors' work ("97.6 % 认为成效特别突出；96.8 % 表示特别满意").

import { rateTenths } from '../stats/rate.ts';

export interface OwnerSurveyQuestion {
  key: string;
  required: boolean;
  /** Choice codes in display order; absent for free text. */
  choices?: readonly string[];
}

export const OWNER_SURVEY_QUESTIONS = [
  { key: 'effect', required: true, choices: ['outstanding', 'good', 'fair', 'poor'] },
  {
    key: 'satisfaction',
    required: true,
    choices: ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'],
  },
  { key: 'contact', required: true, choices: ['weekly', 'monthly', 'rarely'] },
  { key: 'suggestions', required: false },
] as const satisfies readonly OwnerSurveyQuestion[];

export type OwnerSurveyAnswers = Record<string, string>;

/** Short Chinese names of the questions, for messages that name the one at fault. */
export const QUESTION_NAMES: Record<string, string> = {
  effect: '第 1 题（制度成效）',
  satisfaction: '第 2 题（总体满意度）',
  contact: '第 3 题（联系频次）',
  suggestions: '第 4 题（意见建议）',
};

export const SUGGESTIONS_MAX = 500;

/** The overall question and the answers that count as satisfied: 非常满意, 满意 or 基本满意. */
export const SATISFIED = new Set(['very_satisfied', 'satisfied', 'basically_satisfied']);
/** The system's effect counted as outstanding: 特别突出 or 比较突出. */
export const OUTSTANDING = new Set(['outstanding', 'good']);

/** What is wrong with a response, as [question key, Chinese message]; empty when it can be saved. */
export function answerProblems(answers: OwnerSurveyAnswers): [string, string][] {
  const problems: [string, string][] = [];
  const known = new Set<string>(OWNER_SURVEY_QUESTIONS.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push([key, `没有这道题：${key}`]);
  for (const q of OWNER_SURVEY_QUESTIONS) {
    const a = answers[q.key];
    if (a === undefined || a === '') {
      if (q.required) problems.push([q.key, `${QUESTION_NAMES[q.key]}：必答题，请选择一项`]);
    } else if ('choices' in q && !(q.choices as readonly string[]).includes(a)) {
      problems.push([q.key, `${QUESTION_NAMES[q.key]}：所选答案不在选项之中`]);
    } else if (!('choices' in q) && a.length > SUGGESTIONS_MAX) {
      problems.push([q.key, `${QUESTION_NAMES[q.key]}：不能超过 ${SUGGESTIONS_MAX} 字`]);
    }
  }
  return problems;
}

/** An effective response (有效问卷): every required question answered with one of its choices. */
export function isEffective(answers: OwnerSurveyAnswers): boolean {
  return OWNER_SURVEY_QUESTIONS.every(
    (q) => !q.required || ('choices' in q && (q.choices as readonly string[]).includes(answers[q.key] ?? '')),
  );
}

export interface Share {
  count: number;
  /** Of the effective responses, in percent with one decimal; null when there are none. */
  percent: number | null;
}

export interface OwnerSurveyTally {
  issued: number;
  responses: number;
  effective: number;
  satisfied: Share;
  outstanding: Share;
  /** Per choice question, per choice. */
  questions: { key: string; choices: { code: string; count: number; percent: number | null }[] }[];
}

/** count / of in percent, one decimal, rounded half up by the domain's rate rule. */
export function percentOf(count: number, of: number): number | null {
  const t = rateTenths(count, of);
  return t === null ? null : t / 10;
}

/** Owner survey results from the responses: effective and satisfied shares with their counts. */
export function tallyOwnerSurvey(issued: number, responses: readonly OwnerSurveyAnswers[]): OwnerSurveyTally {
  const effective = responses.filter(isEffective);
  const share = (pick: (a: OwnerSurveyAnswers) => boolean): Share => {
    const count = effective.filter(pick).length;
    return { count, percent: percentOf(count, effective.length) };
  };
  return {
    issued,
    responses: responses.length,
    effective: effective.length,
    satisfied: share((a) => SATISFIED.has(a.satisfaction)),
    outstanding: share((a) => OUTSTANDING.has(a.effect)),
    questions: OWNER_SURVEY_QUESTIONS.filter((q) => 'choices' in q).map((q) => ({
      key: q.key,
      choices: ((q as { choices: readonly string[] }).choices ?? []).map((code) => {
        const count = effective.filter((a) => a[q.key] === code).length;
        return { code, count, percent: percentOf(count, effective.length) };
      }),
    })),
  };
}
