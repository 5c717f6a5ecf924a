import { describe, expect, it } from 'vitest';
import { formalOrgName, isSuggestedName } from './naming.ts';

describe('the formal name of an enterprise’s party organization', () => {
  it('is 中共 + the enterprise + the body, by type', () => {
    expect(formalOrgName('宜昌三峡机械有限公司', 'branch')).toBe('中共宜昌三峡机械有限公司支部委员会');
    expect(formalOrgName('宜昌三峡机械有限公司', 'general_branch')).toBe('中共宜昌三峡机械有限公司总支部委员会');
    expect(formalOrgName('宜昌三峡机械有限公司', 'committee')).toBe('中共宜昌三峡机械有限公司委员会');
    expect(formalOrgName(' 宜昌三峡机械有限公司 ', 'temporary_branch')).toBe('中共宜昌三峡机械有限公司临时支部委员会');
  });

  it('tells a suggested name from one the user typed', () => {
    expect(isSuggestedName('中共宜昌三峡机械有限公司委员会', '宜昌三峡机械有限公司')).toBe(true);
    expect(isSuggestedName('三峡机械党支部', '宜昌三峡机械有限公司')).toBe(false);
  });
});
