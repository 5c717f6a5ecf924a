// The to-do centre (待办, issue #14 item 7): of the work prompts, those that are due or overdue,
// and the quarterly report to submit, each only for a user who may both open its record and act
// on it, in the user's scope. The rules are the prompts engine's and the submission area's;
// this file only picks. Nothing here reads who logged in or clicked what.
import type { Permission } from '../../domain/roles.ts';
import { type Actor, can } from '../actor.ts';
import { appraisalSections } from '../appraisals/prompts.ts';
import type { Tx } from '../db/client.ts';
import { lostContactSection } from '../lostContact/prompts.ts';
import { orglifeSections } from '../orglife/prompts.ts';
import { caseworkSections } from '../prompts/casework.ts';
import { recordSections } from '../prompts/records.ts';
import type { PromptSection } from '../prompts/types.ts';
import { trainingSections } from '../training/prompts.ts';
import { quarterlyItems } from './quarterly.ts';
import type { TodoSection } from './types.ts';

/** The record sections compute every item in JS anyway; asking for all of them lets the levels be picked exactly. */
const ALL = Number.MAX_SAFE_INTEGER;

/** Open the record (read) and do something about it (write): a read-only role has no to-dos. */
const SOURCES: Record<'org' | 'member' | 'ledger' | 'casework' | 'report', [Permission, Permission]> = {
  org: ['org.read', 'org.write'],
  member: ['member.read', 'member.write'],
  ledger: ['ledger.read', 'ledger.write'],
  casework: ['instructor.read', 'instructor.record'],
  report: ['report.read', 'report.submit'],
};

const may = (actor: Actor, source: keyof typeof SOURCES) => SOURCES[source].every((p) => can(actor, p));

/** Whether the user can have any to-do at all (the bell is shown to them). */
export const hasTodos = (actor: Actor) => (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).some((s) => may(actor, s));

/**
 * A prompt section's due and overdue items. The record sections hold every item; the casework
 * sections hold the first `limit`, all overdue, with the true total — so subtracting the items
 * left out gives the exact count either way.
 */
function dueOnly(s: PromptSection, limit: number): TodoSection {
  const due = s.items.filter((i) => i.level === 'overdue' || i.level === 'due');
  return { key: s.key, total: s.total - (s.items.length - due.length), items: due.slice(0, limit) };
}

/**
 * The user's to-dos by kind, each with its exact total and its first `limit` items (at least 1:
 * the casework count comes with its first row). Empty kinds are left out.
 */
export async function todoSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<TodoSection[]> {
  const prompts: PromptSection[] = [
    // Of these only what falls due stays: re-elections (not the formation rules' warnings),
    // overdue development steps (not the early steps waiting for review), and the rest below.
    ...(await recordSections(tx, actor, today, ALL, (area) => may(actor, area), true)),
    ...(may(actor, 'casework') ? await caseworkSections(tx, actor, today, Math.max(limit, 1)) : []),
    ...(can(actor, 'orglife.write') ? await orglifeSections(tx, actor, today, Math.max(limit, 1)) : []),
    ...(can(actor, 'orglife.write') ? await appraisalSections(tx, actor, today, Math.max(limit, 1)) : []),
    ...(can(actor, 'training.record') && actor.instructorId === null
      ? await trainingSections(tx, actor, today, Math.max(limit, 1), true)
      : []),
    ...(may(actor, 'member') ? [await lostContactSection(tx, actor, today, Math.max(limit, 1))] : []),
  ];
  const sections = prompts.map((s) => dueOnly(s, limit));
  if (may(actor, 'report')) {
    const items = await quarterlyItems(tx, actor, today);
    sections.push({ key: 'quarterly_report', total: items.length, items: items.slice(0, limit) });
  }
  return sections.filter((s) => s.total > 0);
}
