// The to-do page's kinds and links: the work prompts' titles and pages, and the quarterly report.
import type { TodoItem, TodoSection } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import { itemHref, SECTION_TITLES } from '../prompts/sections.ts';

export function todoTitle(key: TodoSection['key']): MessageKey {
  return key === 'quarterly_report' ? 'todo.section.quarterly_report' : SECTION_TITLES[key];
}

/** The page of the record a to-do is about. */
export function todoHref(link: TodoItem['link']): string {
  if (link.type === 'quarterly_report') return `/reports/quarterly?quarter=${encodeURIComponent(link.quarter ?? '')}`;
  return itemHref({ type: link.type, id: link.id ?? 0 });
}
