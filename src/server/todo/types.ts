import { PROMPT_SECTION_KEYS, type PromptItem } from '../prompts/types.ts';

/** The kinds of to-do: the work prompts that fall due, and the quarterly report to submit. */
export const TODO_KEYS = [...PROMPT_SECTION_KEYS, 'quarterly_report'] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

export const TODO_LINK_TYPES = [
  'enterprise',
  'org',
  'member',
  'development',
  'request',
  'assignment',
  'quarterly_report',
] as const;

/** A to-do: a work prompt's item, or a quarterly report (linked by its quarter, not an id). */
export type TodoItem = Omit<PromptItem, 'link'> & {
  link: PromptItem['link'] | { type: 'quarterly_report'; quarter: string };
};

export interface TodoSection {
  key: TodoKey;
  /** All the section's to-dos; `items` holds the first of them. */
  total: number;
  items: TodoItem[];
}
