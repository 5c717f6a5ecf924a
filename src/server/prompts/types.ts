/** One thing due or overdue, linking to the record it is about. */
export interface PromptItem {
  level: 'overdue' | 'due' | 'warning' | 'info';
  title: string;
  /** zh-CN; the route answers `en` instead to a client asking for English. */
  message: string;
  en?: string;
  dueOn?: string;
  link: { type: 'enterprise' | 'org' | 'member' | 'development' | 'request' | 'assignment'; id: number };
}

export const PROMPT_SECTION_KEYS = [
  'should_form',
  'key_watch',
  'joint_candidate',
  'mass_org',
  'reelection',
  'org_rules',
  'development',
  'development_review',
  'transfer',
  'should_transfer',
  'restructuring',
  'request_silent',
  'contact_missed',
  'orglife',
  'rectification',
  'appraisal_follow_up',
  'training',
  'lost_contact',
] as const;

export interface PromptSection {
  key: (typeof PROMPT_SECTION_KEYS)[number];
  /** All items of the section in scope; `items` shows the first of them. */
  total: number;
  items: PromptItem[];
  /** For enterprise sections: the ledger filter that lists all of them. */
  listFilter?: Record<string, unknown>;
}
