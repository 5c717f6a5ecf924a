// The coded values of lost contact as the screens label them: one place, from the domain's lists.
import { LOST_CONTACT_CIRCUMSTANCE_CODES } from '../../../domain/national/lostContactCircumstances.ts';
import { LOST_CONTACT_OUTCOMES, SEARCH_METHODS } from '../../../domain/org/lostContact.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export const circumstanceKey = (code: string) => `lost.circumstance.${code}` as MessageKey;
export const outcomeKey = (code: string) => `lost.outcome.${code}` as MessageKey;
export const methodKey = (code: string) => `lost.method.${code}` as MessageKey;

export {
  LOST_CONTACT_CIRCUMSTANCE_CODES as CIRCUMSTANCES,
  LOST_CONTACT_OUTCOMES as OUTCOMES,
  SEARCH_METHODS as METHODS,
};
