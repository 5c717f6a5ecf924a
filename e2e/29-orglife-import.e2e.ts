// Importing past meetings and achievements (issue #15 item 8): 李四 of the city committee (06)
// picks the kind on the import page, downloads its template, fills it for the joint branch that
// 09 set up and 10 gave members, uploads a file with an error, reads the error by row and
// column, fixes it, uploads again and applies; then sees the meeting on the org's calendar and
// the achievement on its page. The rejected batch is looked at on a 375-px phone too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dialog, download, horizontalOverflow, login, screenshot, useBrowser, visible } from './support.ts';

const ORG = '宜昌市区域联合党支部';
const TOPIC = '导入：以往党课补录';
const CONTENT = '导入：解决职工通勤难题';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-29-'));
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Batch pages later looked at on the phone. */
const seen: { rejected?: string } = {};

async function fillTemplate(page: Page, sheetName: string, data: Record<string, string | number>, file: string) {
  const template = await download(page, () => page.getByRole('link', { name: '下载导入模板' }).click());
  expect(template.name).toBe(`${sheetName}导入模板.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the template`);
  const header = sheet.getRow(1).values as unknown[];
  const row = sheet.getRow(2);
  for (const [name, value] of Object.entries(data)) {
    const column = header.indexOf(name);
    if (column < 1) throw new Error(`no column ${name} in the template`);
    row.getCell(column).value = value;
  }
  row.commit();
  const where = path.join(dir, file);
  fs.writeFileSync(where, new Uint8Array(await book.xlsx.writeBuffer()));
  return where;
}

async function upload(page: Page, file: string, kind: string) {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '上传并核对' }).click();
  await page.waitForURL(new RegExp(`/ledger/import/${kind}/\\d+$`));
}

/** What the org page and the API say of the joint branch: its id, a member on today's roster, an enterprise it covers. */
async function jointBranch(page: Page) {
  await page.goto('/orgs');
  await page.getByRole('link', { name: ORG }).first().click();
  await page.waitForURL(/\/orgs\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  return page.evaluate(
    async ({ id, on }) => {
      const roster = await (await fetch(`/api/orgs/${id}/meeting-roster?on=${on}`)).json();
      const org = await (await fetch(`/api/orgs/${id}`)).json();
      const covered = org.coverages.find((c: { endOn: string | null }) => c.endOn === null);
      return { id, member: roster.members[0].name as string, enterprise: covered.enterpriseName as string };
    },
    { id, on: TODAY },
  );
}

describe('the committee imports past meetings and achievements on a desktop', () => {
  const browser = useBrowser();
  let branch: { id: number; member: string; enterprise: string };

  it('a meetings file with an error is rejected by row and column; fixed, it is applied', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    branch = await jointBranch(page);

    await page.goto('/ledger/import?kind=meetings');
    await visible(page.getByText('上传按模板填写的以往会议', { exact: false }));
    // All or nothing: no partial import is offered.
    await expect.poll(() => page.getByText('部分导入').count()).toBe(0);
    const row = { 党组织: ORG, 会议类型: '党课', 会议日期: TODAY, 会议主题: TOPIC, 主持人: '李四' };
    const bad = await fillTemplate(page, '组织生活会议', { ...row, 到会人员: `${branch.member}、查无此人` }, 'm1.xlsx');
    await upload(page, bad, 'meetings');
    seen.rejected = new URL(page.url()).pathname;
    const state = page.getByTestId('batch-state');
    await visible(state.getByText('有 1 处错误，会议未导入'));
    const error = page.getByRole('row').filter({ hasText: '第 2 行' });
    await visible(error.getByText('到会人员', { exact: true }));
    await visible(error.getByText('查无此人 在', { exact: false }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'orglife-import-meetings-error-desktop');

    await page.goto('/ledger/import?kind=meetings');
    const good = await fillTemplate(page, '组织生活会议', { ...row, 到会人员: branch.member }, 'm2.xlsx');
    await upload(page, good, 'meetings');
    await visible(state.getByText('核对完成，会议尚未写入'));
    await visible(page.getByRole('row').filter({ hasText: '第 2 行' }).getByText(`${ORG} · 党课 · ${TODAY}`));
    await screenshot(page, 'orglife-import-meetings-preview-desktop');
    await state.getByRole('button', { name: '确认导入会议' }).click();
    const confirm = await dialog(page);
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(state.getByText('已导入会议：新增 1 次，补记到会情况 0 次'));

    await page.goto(`/orgs/${branch.id}`);
    const card = page.getByTestId('org-life');
    await visible(card.getByTestId('meeting-calendar'));
    await visible(card.getByText(TOPIC));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'orglife-import-meetings-calendar-desktop');
  });

  it('an achievements file with a bad amount is rejected by row and column; fixed, it is applied', async () => {
    const { page } = browser();
    await page.goto('/ledger/import?kind=achievements');
    const row = {
      党组织: ORG,
      企业: branch.enterprise,
      类别: '社会贡献',
      形式: '捐款捐物',
      日期: TODAY,
      内容: CONTENT,
    };
    const bad = await fillTemplate(page, '作用发挥', { ...row, '金额（万元）': 1.234 }, 'a1.xlsx');
    await upload(page, bad, 'achievements');
    const state = page.getByTestId('batch-state');
    await visible(state.getByText('有 1 处错误，作用发挥记录未导入'));
    const error = page.getByRole('row').filter({ hasText: '第 2 行' });
    await visible(error.getByText('金额（万元）', { exact: true }));
    await visible(error.getByText('最多保留两位小数', { exact: false }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'orglife-import-achievements-error-desktop');

    await page.goto('/ledger/import?kind=achievements');
    const good = await fillTemplate(page, '作用发挥', { ...row, '金额（万元）': 1.23 }, 'a2.xlsx');
    await upload(page, good, 'achievements');
    await visible(state.getByText('核对完成，作用发挥记录尚未写入'));
    await state.getByRole('button', { name: '确认导入作用发挥记录' }).click();
    const confirm = await dialog(page);
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(state.getByText('已导入作用发挥记录 1 条'));

    await page.goto(`/orgs/${branch.id}`);
    const card = page.getByTestId('org-achievements');
    await visible(card.getByText(CONTENT));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'orglife-import-achievements-org-desktop');
  });
});

describe('the rejected batch on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('reads the error by row and column without sideways scrolling of the page', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await page.goto(seen.rejected as string);
    await visible(page.getByTestId('batch-state').getByText('有 1 处错误，会议未导入'));
    await visible(page.getByText('查无此人 在', { exact: false }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'orglife-import-meetings-error-phone');
  });
});
