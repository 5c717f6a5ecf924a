// The work prompts' sections and items as the page shows them: titles, level tags, and the
// page each item opens.

import { FINDING_LEVELS } from '../../../domain/org/orgFindings.ts';
import type { PromptItem, PromptLevel, PromptSection, PromptSectionKey } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import { type LedgerFilter, ledgerHref } from '../ledger/filter.ts';

export const SECTION_TITLES: Record<PromptSectionKey, MessageKey> = {
  should_form: 'prompts.section.should_form',
  key_watch: 'prompts.section.key_watch',
  joint_candidate: 'prompts.section.joint_candidate',
  mass_org: 'prompts.section.mass_org',
  reelection: 'prompts.section.reelection',
  org_rules: 'prompts.section.org_rules',
  development: 'prompts.section.development',
  development_review: 'prompts.section.development_review',
  transfer: 'prompts.section.transfer',
  should_transfer: 'prompts.section.should_transfer',
  restructuring: 'prompts.section.restructuring',
  request_silent: 'prompts.section.request_silent',
  contact_missed: 'prompts.section.contact_missed',
  orglife: 'prompts.section.orglife',
  rectification: 'prompts.section.rectification',
  appraisal_follow_up: 'prompts.section.appraisal_follow_up',
  training: 'prompts.section.training',
  lost_contact: 'prompts.section.lost_contact',
};

export const SECTION_HINTS: Record<PromptSectionKey, MessageKey> = {
  should_form: 'prompts.hint.should_form',
  key_watch: 'prompts.hint.key_watch',
  joint_candidate: 'prompts.hint.joint_candidate',
  mass_org: 'prompts.hint.mass_org',
  reelection: 'prompts.hint.reelection',
  org_rules: 'prompts.hint.org_rules',
  development: 'prompts.hint.development',
  development_review: 'prompts.hint.development_review',
  transfer: 'prompts.hint.transfer',
  should_transfer: 'prompts.hint.should_transfer',
  restructuring: 'prompts.hint.restructuring',
  request_silent: 'prompts.hint.request_silent',
  contact_missed: 'prompts.hint.contact_missed',
  orglife: 'prompts.hint.orglife',
  rectification: 'prompts.hint.rectification',
  appraisal_follow_up: 'prompts.hint.appraisal_follow_up',
  training: 'prompts.hint.training',
  lost_contact: 'prompts.hint.lost_contact',
};

// A prompt's level is an org finding's level (the server's enum is the same four): the same
// order from the most to the least pressing, the same colours and words as on the org pages.
export { FINDING_COLOR as LEVEL_COLORS, findingLevelKey as levelKey } from '../orgs/labels.ts';

/** The most pressing level among a section's items (the colour of its count). */
export function topLevel(section: PromptSection): PromptLevel | null {
  return FINDING_LEVELS.find((l) => section.items.some((i) => i.level === l)) ?? null;
}

/** The page of the record an item is about. */
export function itemHref(link: PromptItem['link']): string {
  switch (link.type) {
    case 'enterprise':
      return `/ledger/${link.id}`;
    case 'org':
      return `/orgs/${link.id}`;
    case 'member':
      return `/members/${link.id}`;
    case 'development':
      return `/developments/${link.id}`;
    case 'request':
      return `/casework/requests/${link.id}`;
    case 'assignment':
      return `/casework/assignments/${link.id}`;
  }
}

const LIST_FILTER_KEYS = [
  'region',
  'kind',
  'section',
  'industry',
  'sizeBand',
  'aboveScale',
  'category',
  'flag',
  'status',
  'q',
];

/** The ledger list of a section's `listFilter` (the list reads its filters from the URL); only the filters the list knows. */
export function listHref(listFilter: Record<string, unknown>): string {
  const filter: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(listFilter)) {
    if (!LIST_FILTER_KEYS.includes(k)) continue;
    if (Array.isArray(v)) filter[k] = v.map(String);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') filter[k] = String(v);
  }
  return ledgerHref(filter as LedgerFilter);
}
