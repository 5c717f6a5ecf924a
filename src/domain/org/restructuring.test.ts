import { describe, expect, it } from 'vitest';
import { restructuringPrompts } from './restructuring.ts';

const none = { plansSubmittedOn: null, headsFixedOn: null, supervisionOn: null };

describe('三同步 prompts', () => {
  it.each([
    ['2026-03-31', 0],
    ['2026-04-01', 0],
    ['2026-04-02', 3],
  ])('restructured 2026-03-02, today %s: %i items', (today, n) => {
    expect(restructuringPrompts({ restructuredOn: '2026-03-02', ...none }, today)).toHaveLength(n);
  });

  it('names only the missing items, with the day they fell due', () => {
    const prompts = restructuringPrompts(
      { restructuredOn: '2026-01-01', ...none, plansSubmittedOn: '2026-01-05', supervisionOn: '2026-01-10' },
      '2026-06-01',
    );
    expect(prompts).toEqual([
      {
        item: 'headsFixedOn',
        dueOn: '2026-01-31',
        message: '改制已逾 30 天（2026-01-01 改制），“法定代表人与党组织负责人同步确定”尚未落实',
        en: 'More than 30 days since the restructuring (2026-01-01): “legal representative and party leader fixed together” not yet done',
      },
    ]);
  });

  it('a configured grace period moves the boundary', () => {
    expect(restructuringPrompts({ restructuredOn: '2026-01-01', ...none }, '2026-01-12', 10)).toHaveLength(3);
    expect(restructuringPrompts({ restructuredOn: '2026-01-01', ...none }, '2026-01-11', 10)).toHaveLength(0);
  });
});
