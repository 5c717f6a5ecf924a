// The roster's filters as they live in the page's URL and the API's query: one declaration.
import { id, oneOf, text, type Values } from '../../components/list/params.ts';

const YES_NO = ['true', 'false'] as const;

export const MEMBER_FILTERS = {
  orgId: id(),
  regionCode: text(),
  status: oneOf(['full', 'probationary'] as const),
  /** Away more than 6 months today (流动党员). */
  mobile: oneOf(YES_NO),
  /** 6 months or more at a fixed place (应转接组织关系). */
  shouldTransfer: oneOf(YES_NO),
  /** In the mobile view: 流出 or 流入 only. */
  side: oneOf(['out', 'in'] as const),
  relationElsewhere: oneOf(YES_NO),
  employerId: id(),
  q: text(),
  /** On the roster (default), left it, or both. */
  roster: oneOf(['left', 'all'] as const),
};
export type MemberFilter = Partial<Values<typeof MEMBER_FILTERS>>;

export const MEMBER_VIEWS = ['roster', 'mobile'] as const;
export type MemberView = (typeof MEMBER_VIEWS)[number];
