// The period a member works away (流出), recorded by the org that holds the relation.
import { z } from '@hono/zod-openapi';
import { areaRouter } from '../route.ts';
import { byId, calendarDay, idParam } from '../schemas.ts';
import { endAway, recordAway } from './away.ts';

const AwayInput = z
  .object({
    place: z.string().trim().max(100).min(1, '请填写外出地点'),
    workOrgId: idParam.nullable().default(null),
    since: calendarDay,
    until: calendarDay.nullable().default(null),
    fixedPlace: z.boolean().default(false),
  })
  .strict();

export const memberAwayRoutes = areaRouter('党员');

memberAwayRoutes.define({
  method: 'put',
  path: '/api/members/{id}/away',
  permission: 'member.write',
  action: 'member.away_record',
  entity: 'member',
  summary:
    '登记外出（流出）：地点、流入地党组织（如在本系统）、外出日期、预计返回日期、是否固定地点；外出超过 6 个月即为流动党员，固定地点 6 个月以上提示应转接组织关系。由组织关系所在党组织登记，亦用于更正',
  params: byId,
  body: AwayInput,
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input }) => recordAway(tx, actor, input.params.id, input.body),
});

memberAwayRoutes.define({
  method: 'post',
  path: '/api/members/{id}/away/end',
  permission: 'member.write',
  action: 'member.away_end',
  entity: 'member',
  summary: '登记返回：外出结束（外出记录与返回日期留在审计日志中）',
  params: byId,
  body: z.object({ returnedOn: calendarDay }).strict(),
  response: z.object({ ok: z.literal(true) }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => endAway(tx, actor, input.params.id, input.body.returnedOn),
});
