import { describe, expect, it } from 'vitest';
import { answerProblems, isEffective, type OwnerSurveyAnswers, percentOf, tallyOwnerSurvey } from './ownerSurvey.ts';

const full = { effect: 'outstanding', satisfaction: 'satisfied', contact: 'weekly' };

describe('answers', () => {
  it('a complete response is effective and has no problems', () => {
    expect(answerProblems(full)).toEqual([]);
    expect(isEffective(full)).toBe(true);
    expect(isEffective({ ...full, suggestions: '多来企业走走' })).toBe(true);
  });

  it.each([
    [{ effect: 'outstanding', contact: 'weekly' }, 'satisfaction', '第 2 题（总体满意度）：必答题，请选择一项'],
    [{ ...full, satisfaction: '' }, 'satisfaction', '第 2 题（总体满意度）：必答题，请选择一项'],
    [{ ...full, effect: 'amazing' }, 'effect', '第 1 题（制度成效）：所选答案不在选项之中'],
    [{ ...full, extra: 'x' }, 'extra', '没有这道题：extra'],
    [{ ...full, suggestions: '很'.repeat(501) }, 'suggestions', '第 4 题（意见建议）：不能超过 500 字'],
  ])('%o → %s: %s', (answers, key, message) => {
    expect(answerProblems(answers)).toContainEqual([key, message]);
  });

  it('500 characters of suggestions are accepted', () => {
    expect(answerProblems({ ...full, suggestions: '很'.repeat(500) })).toEqual([]);
  });

  it('a response missing a required answer is not effective', () => {
    expect(isEffective({ effect: 'good', contact: 'weekly' })).toBe(false);
  });
});

describe('tally', () => {
  it.each([
    [0, 0, null],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [122, 125, 97.6],
    [121, 125, 96.8],
    [5, 5, 100],
  ])('%i of %i → %s %%', (count, of, percent) => {
    expect(percentOf(count, of)).toBe(percent);
  });

  it('satisfied = 非常满意 + 满意 + 基本满意 over the effective responses; counts beside the shares', () => {
    const responses: OwnerSurveyAnswers[] = [
      { effect: 'outstanding', satisfaction: 'very_satisfied', contact: 'weekly' },
      { effect: 'good', satisfaction: 'basically_satisfied', contact: 'monthly' },
      { effect: 'fair', satisfaction: 'dissatisfied', contact: 'rarely' },
      { effect: 'poor', satisfaction: 'satisfied', contact: 'weekly', suggestions: '希望多协调融资' },
      // Not effective: the overall question unanswered.
      { effect: 'outstanding', contact: 'weekly' },
    ];
    const t = tallyOwnerSurvey(6, responses);
    expect(t).toMatchObject({
      issued: 6,
      responses: 5,
      effective: 4,
      satisfied: { count: 3, percent: 75 },
      outstanding: { count: 2, percent: 50 },
    });
    expect(t.questions.find((q) => q.key === 'satisfaction')?.choices).toEqual([
      { code: 'very_satisfied', count: 1, percent: 25 },
      { code: 'satisfied', count: 1, percent: 25 },
      { code: 'basically_satisfied', count: 1, percent: 25 },
      { code: 'dissatisfied', count: 1, percent: 25 },
    ]);
  });

  it('no responses: counts 0 and no percentages', () => {
    expect(tallyOwnerSurvey(3, [])).toMatchObject({ effective: 0, satisfied: { count: 0, percent: null } });
  });
});
