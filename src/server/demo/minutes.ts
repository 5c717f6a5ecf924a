// Demo meeting minutes (issue #16 item 6): a few of the demo's general meetings and theme days
// get their minutes as a UTF-8 text attachment, written from the meeting as recorded and stored
// through the same checks and encryption as an upload.
import { sql } from 'drizzle-orm';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import { checkAttachmentContent } from '../attachments/content.ts';
import { MEETING_OWNER } from '../attachments/owners.ts';
import { addAttachment } from '../attachments/store.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { Keys } from '../keys.ts';

export async function demoMinutes(tx: Tx, actor: Actor, keys: Keys, regionCode: string, limit = 3) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from attachments a join meetings m on m.id = a.meeting_id
        join party_orgs o on o.id = m.org_id where o.region_code like ${prefix}`,
  );
  if (n > 0) return '已有附件，不再添加';
  const meetings = await queryRows<{
    id: number;
    orgName: string;
    heldOn: string;
    topic: string;
    place: string | null;
    present: number;
    expected: number;
  }>(
    tx,
    sql`select m.id, o.name as "orgName", m.held_on::text as "heldOn", m.topic, m.place,
          (select count(*) filter (where a.present and not a.guest) from meeting_attendance a where a.meeting_id = m.id)::int as present,
          (select count(*) filter (where not a.guest) from meeting_attendance a where a.meeting_id = m.id)::int as expected
        from meetings m join party_orgs o on o.id = m.org_id
        where o.region_code like ${prefix} and m.kind in ('general_meeting', 'theme_day') and m.attendance_recorded
        order by m.held_on desc, m.id limit ${limit}`,
  );
  for (const m of meetings) {
    const text = [
      `${m.orgName} 会议纪要`,
      '',
      `会议主题：${m.topic}`,
      `时间：${m.heldOn}`,
      `地点：${m.place ?? '—'}`,
      `应到 ${m.expected} 人，实到 ${m.present} 人。`,
      '',
      '一、传达学习上级有关文件精神。',
      '二、通报近期支部工作情况，安排下阶段工作。',
      '三、与会党员结合岗位工作交流学习体会。',
      '',
      '记录人：支部组织委员',
      '',
    ].join('\n');
    const bytes = Buffer.from(text, 'utf8');
    await checkAttachmentContent(bytes, 'txt');
    await addAttachment(tx, actor, keys, MEETING_OWNER, m.id, {
      name: `${m.heldOn} ${m.topic.split('：')[0]}会议纪要.txt`,
      kind: 'txt',
      bytes,
    });
  }
  return `会议纪要 ${meetings.length} 份`;
}
