// The org list's filters as they live in the page's URL and the API's query: one declaration.
import { oneOf, text, type Values } from '../../components/list/params.ts';

export const ORG_FILTERS = {
  regionCode: text(),
  type: text(),
  formation: text(),
  q: text(),
  status: oneOf(['active', 'dissolved'] as const),
};
export type OrgFilter = Partial<Values<typeof ORG_FILTERS>>;
