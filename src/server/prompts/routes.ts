import { z } from '@hono/zod-openapi';
import { localDateString } from '../../domain/calendarDate.ts';
import { can } from '../actor.ts';
import { appraisalSections } from '../appraisals/prompts.ts';
import { findingsIn, requestLang } from '../lang.ts';
import { lostContactSection } from '../lostContact/prompts.ts';
import { orglifeSections } from '../orglife/prompts.ts';
import { areaRouter } from '../route.ts';
import { trainingSections } from '../training/prompts.ts';
import { caseworkSections } from './casework.ts';
import { enterpriseSections } from './enterprises.ts';
import { recordSections } from './records.ts';
import { promptItemFields } from './schemas.ts';
import { PROMPT_SECTION_KEYS } from './types.ts';

const LIMIT = 50;

export const promptRoutes = areaRouter('工作提示');

promptRoutes.define({
  method: 'get',
  path: '/api/prompts',
  permission: 'prompt.read',
  action: 'prompt.read',
  summary:
    '工作提示：管辖范围内应建未建、重点盯住、可联合组建、换届、组织设置、发展党员、组织关系转接、应转接组织关系、三同步等到期和逾期事项',
  response: z.object({
    today: z.string(),
    sections: z.array(
      z.object({
        key: z.enum(PROMPT_SECTION_KEYS),
        total: z.number(),
        listFilter: z.record(z.string(), z.unknown()).optional(),
        items: z.array(
          z.object({
            ...promptItemFields,
            link: z.object({
              type: z.enum(['enterprise', 'org', 'member', 'development', 'request', 'assignment']),
              id: z.number(),
            }),
          }),
        ),
      }),
    ),
  }),
  describe: '工作提示',
  // Each section only for the actor who may read its area.
  handler: async ({ tx, actor, c }) => {
    const today = localDateString(new Date());
    const sections = [
      ...(can(actor, 'ledger.read') ? await enterpriseSections(tx, actor, LIMIT) : []),
      ...(await recordSections(tx, actor, today, LIMIT, (area) => can(actor, `${area}.read`))),
      ...(can(actor, 'instructor.read') ? await caseworkSections(tx, actor, today, LIMIT) : []),
      ...(can(actor, 'orglife.read') ? await orglifeSections(tx, actor, today, LIMIT) : []),
      ...(can(actor, 'orglife.read') ? await appraisalSections(tx, actor, today, LIMIT) : []),
      ...(can(actor, 'training.read') ? await trainingSections(tx, actor, today, LIMIT) : []),
      ...(can(actor, 'member.read') ? [await lostContactSection(tx, actor, today, LIMIT)] : []),
    ];
    const lang = requestLang(c);
    return {
      today,
      sections: sections.map((s) => ({
        ...s,
        items: findingsIn(lang, s.items),
      })),
    };
  },
});
