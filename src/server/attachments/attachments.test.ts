// The attachment store (issue #16 item 6) through its first user, meeting minutes: a file is
// stored encrypted and comes back byte for byte with safe headers; every download is audited in
// its own transaction; hostile files are refused in Chinese with nothing written; a user who
// cannot see the meeting cannot see its files (404, and no download in the audit log).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { entry, zerosEntry } from '../../../test/fixtures/files/zipWriter.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.ts';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { contentTypes, docx, exe, pdf } from './attachments.testing.ts';

const fx = await fileFixture();
const { county, otherCounty } = await signInCountyCommittees(fx);
const lastWeek = addDays(localDateString(new Date()), -7);

let secretary: Logged;
let otherSecretary: Logged;
let leader: Logged;
let meetingId: number;
let otherMeetingId: number;

async function newOrg() {
  const enterprise = await makeEnterprise(fx.database, { regionCode: '420502' });
  return (await makeOrg(fx.database, [enterprise.id])).id;
}

async function newMeeting(client: Logged, orgId: number, topic: string) {
  const res = await client.client.post(`/api/orgs/${orgId}/meetings`, {
    kind: 'theme_day',
    heldOn: lastWeek,
    topic,
    present: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const upload = (who: Logged, meeting: number, fileName: string, bytes: Buffer) =>
  who.client.upload(`/api/meetings/${meeting}/attachments?fileName=${encodeURIComponent(fileName)}`, bytes);

const stored = () =>
  fx.rows<{ id: number; meeting_id: number; file_name: string; body: Buffer | Uint8Array; size: number }>(
    sql`select id, meeting_id, file_name, body, size from attachments order by id`,
  );
const audits = (action: string) =>
  fx.rows<{ actor_name: string; entity_id: string; result: string; diff: Record<string, unknown> | null }>(
    sql`select actor_name, entity_id, result, diff from audit_log where action = ${action} order by seq`,
  );

beforeAll(async () => {
  const org = await newOrg();
  const otherOrg = await newOrg();
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  otherSecretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420502' });
  meetingId = await newMeeting(secretary, org, '主题党日：学习党章');
  otherMeetingId = await newMeeting(otherSecretary, otherOrg, '支部委员会');
});

describe('a file attached to a meeting', () => {
  const minutes = pdf('Minutes of the theme day');
  let id: number;

  it('is stored encrypted: the row holds neither the plain bytes nor its text', async () => {
    const res = await upload(secretary, meetingId, '主题党日会议纪要（2026年12月）.pdf', minutes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    id = res.body.id;
    const [row] = (await stored()).filter((r) => r.id === id);
    const body = Buffer.from(row.body);
    expect(row).toMatchObject({
      meeting_id: meetingId,
      file_name: '主题党日会议纪要（2026年12月）.pdf',
      size: minutes.length,
    });
    expect(body.length).toBe(minutes.length);
    expect(body.equals(minutes)).toBe(false);
    expect(body.includes(Buffer.from('%PDF'))).toBe(false);
    expect(body.includes(Buffer.from('Minutes of the theme day'))).toBe(false);
    const [audit] = (await audits('attachment.upload')).filter((a) => a.entity_id === String(id));
    expect(audit).toMatchObject({
      result: 'success',
      diff: { owner: 'meeting', ownerId: meetingId, size: minutes.length },
    });
  });

  it('is listed to whoever sees the meeting', async () => {
    for (const who of [secretary, county, leader]) {
      const res = await who.client.get(`/api/meetings/${meetingId}/attachments`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id,
          fileName: '主题党日会议纪要（2026年12月）.pdf',
          contentType: 'application/pdf',
          size: minutes.length,
        }),
      ]);
    }
  });

  it('downloads byte for byte as an attachment with its type, its name (RFC 5987) and nosniff; the download is audited', async () => {
    const before = (await audits('attachment.download')).length;
    const res = await county.client.get(`/api/meetings/${meetingId}/attachments/${id}`, { binary: true });
    expect(res.status).toBe(200);
    expect(res.bytes!.equals(minutes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition.startsWith('attachment;')).toBe(true);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('主题党日会议纪要').replace(/[()]/g, '')}`);
    expect(disposition).toContain('%EF%BC%882026%E5%B9%B412%E6%9C%88%EF%BC%89.pdf');
    // The ASCII fallback carries no quote, backslash or non-ASCII byte.
    expect(/filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"/.test(disposition)).toBe(true);
    const after = await audits('attachment.download');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      actor_name: county.user.username,
      entity_id: String(id),
      result: 'success',
      diff: { owner: 'meeting', ownerId: meetingId, fileName: '主题党日会议纪要（2026年12月）.pdf' },
    });
  });

  it('is 404 to a secretary of another org and a committee of another county, and no download is audited', async () => {
    const before = await audits('attachment.download');
    for (const who of [otherSecretary, otherCounty]) {
      const file = await who.client.get(`/api/meetings/${meetingId}/attachments/${id}`, { binary: true });
      expect(file.status).toBe(404);
      expect(file.bytes!.includes(Buffer.from('%PDF'))).toBe(false);
      expect((await who.client.get(`/api/meetings/${meetingId}/attachments`)).status).toBe(404);
    }
    // Its id under a meeting the actor does see: still not there.
    const own = await otherSecretary.client.get(`/api/meetings/${otherMeetingId}/attachments/${id}`);
    expect(own.status).toBe(404);
    const after = await audits('attachment.download');
    const added = after.slice(before.length);
    expect(added.map((a) => a.result)).toEqual(['denied', 'denied', 'denied']);
    expect(after.filter((a) => a.result === 'success')).toHaveLength(
      before.filter((a) => a.result === 'success').length,
    );
  });

  it('cannot be added or removed by the leader, who only reads, nor by another org’s secretary', async () => {
    const count = (await stored()).length;
    expect((await upload(leader, meetingId, 'x.pdf', minutes)).status).toBe(403);
    expect((await upload(otherSecretary, meetingId, 'x.pdf', minutes)).status).toBe(404);
    expect((await otherSecretary.client.request('DELETE', `/api/meetings/${meetingId}/attachments/${id}`)).status).toBe(
      404,
    );
    expect(await stored()).toHaveLength(count);
  });

  it('does not open under another meeting: the owner is bound into the ciphertext', async () => {
    // Moving the row by hand (as someone with write access to the database might) breaks it.
    await fx.rows(sql`update attachments set meeting_id = ${otherMeetingId} where id = ${id}`);
    try {
      const res = await otherSecretary.client.get(`/api/meetings/${otherMeetingId}/attachments/${id}`);
      expect(res.status).toBe(500);
    } finally {
      await fx.rows(sql`update attachments set meeting_id = ${meetingId} where id = ${id}`);
    }
  });

  it('is removed by the secretary, audited with its name', async () => {
    const extra = await upload(
      secretary,
      meetingId,
      '签到表.png',
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]),
    );
    expect(extra.status, JSON.stringify(extra.body)).toBe(200);
    const res = await secretary.client.request('DELETE', `/api/meetings/${meetingId}/attachments/${extra.body.id}`);
    expect(res.status).toBe(200);
    expect((await stored()).map((r) => r.id)).not.toContain(extra.body.id);
    const [audit] = (await audits('attachment.delete')).filter((a) => a.entity_id === String(extra.body.id));
    expect(audit.diff).toMatchObject({ fileName: '签到表.png' });
  });

  it('goes with a meeting withdrawn as mistaken', async () => {
    const org = (await fx.rows<{ org_id: number }>(sql`select org_id from meetings where id = ${meetingId}`))[0].org_id;
    const mistaken = await newMeeting(secretary, org, '误记的会议');
    expect((await upload(secretary, mistaken, '纪要.txt', Buffer.from('会议纪要：学习党章。\n'))).status).toBe(200);
    expect((await secretary.client.request('DELETE', `/api/meetings/${mistaken}`)).status).toBe(200);
    expect((await stored()).filter((r) => r.meeting_id === mistaken)).toEqual([]);
  });
});

describe('hostile uploads: refused in Chinese, nothing written', () => {
  async function refused(fileName: string, bytes: Buffer, status: number, message: RegExp) {
    const rows = (await stored()).length;
    const uploads = (await audits('attachment.upload')).length;
    const res = await upload(secretary, meetingId, fileName, bytes);
    expect([res.status, res.body?.error?.message]).toEqual([status, expect.stringMatching(message)]);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await stored()).toHaveLength(rows);
    expect(await audits('attachment.upload')).toHaveLength(uploads);
  }

  it('a program renamed .pdf', () => refused('会议纪要.pdf', exe(), 400, /Windows 可执行程序.*不能上传/));
  it('an ELF program renamed .txt', () =>
    refused('纪要.txt', Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(100)]), 400, /ELF/));
  it('a file over 10 MB', () =>
    refused('大文件.pdf', Buffer.concat([pdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]), 413, /超过 10 MB 的上限/));
  it('a name with a path', () => refused('../../etc/passwd.pdf', pdf(), 400, /含有路径/));
  it('a name with a Windows path', () => refused('..\\..\\纪要.pdf', pdf(), 400, /含有路径/));
  it('a name with a NUL or a right-to-left override', async () => {
    await refused('纪要\u0000.pdf', pdf(), 400, /控制字符/);
    await refused('纪要\u202Efdp.exe', pdf(), 400, /控制字符/);
  });
  it('an over-long name', () => refused(`${'长'.repeat(120)}.pdf`, pdf(), 400, /不超过 100 个字/));
  it('an extension not allowed', () => refused('setup.exe', exe(), 400, /不能上传 \.exe 文件/));
  it('a legacy .doc', () => refused('纪要.doc', pdf(), 400, /不能上传 \.doc 文件/));
  it('a PDF renamed .docx', () => refused('纪要.docx', pdf(), 400, /内容不是Word 文档（看起来是PDF 文档）/));
  it('a zip bomb disguised as .docx', async () => {
    const bomb = docx('纪要', [await zerosEntry('word/media/image1.png', 200 * 1024 * 1024)]);
    expect(bomb.length).toBeLessThan(MAX_ATTACHMENT_BYTES);
    await refused('纪要.docx', bomb, 400, /压缩炸弹/);
  });
  it('a .docx with macros (vbaProject.bin)', () =>
    refused('纪要.docx', docx('纪要', [entry('word/vbaProject.bin', Buffer.alloc(2048, 7))]), 400, /宏/));
  it('a macro-enabled document renamed .docx', () =>
    refused('纪要.docx', docx('纪要', [], 'application/vnd.ms-word.document.macroEnabled.main+xml'), 400, /宏/));
  it('a workbook renamed .docx', () =>
    refused(
      '纪要.docx',
      docx('x', [], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
      400,
      /内容不是Word 文档/,
    ));
  it('a .docx carrying a program', () =>
    refused('纪要.docx', docx('纪要', [entry('word/media/image2.png', exe())]), 400, /内嵌有可执行程序/));
  it('a PDF that runs JavaScript, even with its name escaped', async () => {
    const script = Buffer.from(
      pdf()
        .toString('latin1')
        .replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>'),
      'latin1',
    );
    await refused('纪要.pdf', script, 400, /可执行的内容/);
  });
  it('a web page or SVG with script named .txt', async () => {
    await refused('纪要.txt', Buffer.from('<svg onload="alert(1)"><script>alert(1)</script></svg>'), 400, /网页或 SVG/);
    await refused('纪要.txt', Buffer.from('会议纪要\n<script>alert(1)</script>'), 400, /网页或 SVG/);
  });
  it('a text file not in UTF-8', () => refused('纪要.txt', Buffer.from([0xbb, 0xe1, 0xd2, 0xe9]), 400, /UTF-8/));
  it('an empty file', () => refused('纪要.pdf', Buffer.alloc(0), 400, /空的/));
});

describe('honest files of every kind are kept', () => {
  it('a .docx, a .txt in UTF-8 with BOM and a JPEG', async () => {
    for (const [name, bytes, type] of [
      ['纪要.docx', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['纪要.txt', Buffer.from('\uFEFF会议纪要：一、学习党章。二、讨论发展党员。\n'), 'text/plain; charset=utf-8'],
      ['现场.JPG', Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(100, 3)]), 'image/jpeg'],
    ] as const) {
      const res = await upload(secretary, meetingId, name, bytes);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const back = await secretary.client.get(`/api/meetings/${meetingId}/attachments/${res.body.id}`, {
        binary: true,
      });
      expect(back.headers.get('content-type')).toBe(type);
      expect(back.bytes!.equals(bytes)).toBe(true);
    }
  });

  it('up to 10 per meeting; the eleventh is refused', async () => {
    const have = (await stored()).filter((r) => r.meeting_id === meetingId).length;
    for (let i = have; i < 10; i++)
      expect((await upload(secretary, meetingId, `第${i}页.pdf`, pdf())).status).toBe(200);
    const res = await upload(secretary, meetingId, '第11页.pdf', pdf());
    expect([res.status, res.body.error.message]).toEqual([409, expect.stringContaining('最多 10 个附件')]);
  });
});

// Keeps the shape of the Office content-types helper honest for other tests.
it('the docx helper declares the Word main part', () => {
  expect(contentTypes('x')).toContain('PartName="/word/document.xml" ContentType="x"');
});
