// Demo achievements (作用发挥, issue #15 item 5): a few proposals, pledges, problems solved,
// innovations, contributions, model posts and responsibility zones for the demo orgs at the
// enterprises they cover, with their members — through the service the app uses, so every
// rule (coverage on the day, members of the org, 万元 to two decimals) applies to them too.
import { sql } from 'drizzle-orm';
import { type AchievementKind, KIND_RULES } from '../../domain/achievements/codes.ts';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { pick, type Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import { createAchievement } from '../achievements/write.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

const CONTENT: Record<AchievementKind, string[]> = {
  proposal: ['优化排班，减少夜班加班', '废料分类回收再利用', '改进仓储动线，减少叉车往返', '客户回访流程线上化'],
  pledge: ['全年安全生产零事故', '带头完成年度节能降耗目标', '每季度为一线职工办一件实事', '带出两名技术骨干'],
  problem_solved: ['协调解决职工子女入学', '打通原料运输“最后一公里”', '化解拖欠货款纠纷', '解决新厂区用电增容'],
  innovation: ['焊接工艺改进', '包装线自动计数装置', '余热回收改造', '质检数据自动采集'],
  contribution: ['资助驻地小学困难学生', '为结对村修建村道', '向受灾群众捐赠物资', '结对帮扶低收入农户'],
  model_post: ['质检党员示范岗', '客服党员示范岗', '生产一线党员示范岗'],
  responsibility_zone: ['仓储安全党员责任区', '车间环境党员责任区', '设备维护党员责任区'],
};
const KINDS = Object.keys(CONTENT) as AchievementKind[];

const money = (rand: Rand, max: number) => Math.round(rand() * max * 100) / 100;

export async function demoAchievements(tx: Tx, actor: Actor, rand: Rand, regionCode: string) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from achievements a join party_orgs o on o.id = a.org_id where o.region_code like ${prefix}`,
  );
  if (n > 0) return 0;
  const today = localDateString(new Date());
  // The orgs in being with an enterprise they cover today, and since when (at most 400 days back).
  const orgs = await queryRows<{ id: number; enterpriseId: number; since: string }>(
    tx,
    sql`select distinct on (o.id) o.id, c.enterprise_id as "enterpriseId",
               greatest(o.established_on, c.start_on, ${today}::date - 400)::text as since
        from party_orgs o join org_coverages c on c.org_id = o.id and c.end_on is null
        where o.region_code like ${prefix} and o.dissolved_on is null
        order by o.id, c.start_on
        limit 60`,
  );
  let made = 0;
  for (const org of orgs) {
    const members = (
      await queryRows<{ id: number }>(
        tx,
        sql`select id from members where org_id = ${org.id} and left_on is null order by id limit 12`,
      )
    ).map((m) => m.id);
    const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(org.since)) / 86_400_000));
    const records = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < records; i++) {
      const kind = pick(rand, KINDS);
      const rules = KIND_RULES[kind];
      if ((rules.members === 'one' || rules.members === 'some') && members.length === 0) continue;
      const onDate = addDays(org.since, Math.floor(rand() * (span + 1)));
      const someone = members.length > 0 ? pick(rand, members) : null;
      const byMember = rules.members !== 'proposer' || (someone !== null && rand() < 0.7);
      const year = onDate.slice(0, 4);
      await createAchievement(
        tx,
        actor,
        {
          orgId: org.id,
          enterpriseId: org.enterpriseId,
          kind,
          form: rules.forms.length > 0 ? pick(rand, rules.forms) : null,
          onDate,
          content: pick(rand, CONTENT[kind]),
          memberIds: rules.members === 'any' || !byMember || someone === null ? [] : [someone],
          personName: rules.members === 'proposer' && !byMember ? '职工代表' : null,
          adopted: rules.status === 'adopted' ? rand() < 0.6 : null,
          fulfilled: rules.status === 'fulfilled' ? rand() < 0.5 : null,
          benefit: rules.benefit && rand() < 0.6 ? money(rand, 50) : null,
          amount: rules.amount ? Math.round((money(rand, 10) + 0.1) * 100) / 100 : null,
          fromOn: rules.period === 'none' ? null : rules.period === 'required' ? `${year}-01-01` : onDate,
          toOn: rules.period === 'required' ? `${year}-12-31` : null,
          note: null,
        },
        today,
      );
      made++;
    }
  }
  return made;
}
