// 工作提示, the org and member imports, and the enterprise page's orgs and 三同步, as 李四 (a
// working-committee member of 宜昌市) uses them. Runs after 01–09, which create 李四 and the
// ledger (06) and set up and dissolve orgs over some of its enterprises (09): this file picks
// enterprises those files leave alone, from the end of the same deterministic ledger.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber } from '../src/domain/idNumber.ts';
import { seeded } from '../src/domain/random.ts';
import { expected, goodRows, tempDir } from './ledger-data.ts';
import {
  dialog,
  download,
  horizontalOverflow,
  ledgerTotal,
  login,
  menu,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rows = goodRows();
const want = expected(rows);
const open = rows.filter((r) => !['cancelled', 'revoked', 'moved_out'].includes(r.status));
// The last of each kind: 07 edits the first row, 09 uses the first should-form and joint-candidate ones.
const target = open.filter((r) => want.category(r) === 'should_form').at(-1);
const joint = open.filter((r) => want.category(r) === 'joint_candidate').slice(-2);
if (!target || joint.length < 2) throw new Error('the ledger data lacks the enterprises these tests need');
const orgName = `${target.name}党支部`;
const jointName = '宜昌市西陵联合党支部';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const today = dayjs();
const rand = seeded(11_2026);
const fullMemberId = makeIdNumber(rand, { regionCode: '420506', birthDate: '1984-03-12', sex: 'male' });
const probationaryId = makeIdNumber(rand, { regionCode: '420506', birthDate: '1996-09-30', sex: 'female' });
// The same number with a wrong check digit: the import refuses it.
const wrongCheck = ['0', '1'].find((c) => c !== idNumberCheckChar(probationaryId.slice(0, 17))) as string;
const badId = probationaryId.slice(0, 17) + wrongCheck;

/** Pages later tests open again (on the phone). */
const seen: { orgBatch?: string; enterprise?: string } = {};

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The template of the kind now chosen on the import page, filled with `data` (rows of header → value). */
async function fillTemplate(page: Page, sheetName: string, data: Record<string, string | number>[], file: string) {
  const template = await download(page, () => page.getByRole('link', { name: '下载导入模板' }).click());
  expect(template.name).toBe(`${sheetName}导入模板.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName} in the template`);
  const header = sheet.getRow(1).values as unknown[];
  data.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    for (const [name, value] of Object.entries(values)) {
      const column = header.indexOf(name);
      if (column < 1) throw new Error(`no column ${name} in the template`);
      row.getCell(column).value = value;
    }
    row.commit();
  });
  const where = path.join(dir, file);
  fs.writeFileSync(where, new Uint8Array(await book.xlsx.writeBuffer()));
  return where;
}

/** Chooses what to import (the radio buttons above the form). */
async function chooseKind(page: Page, label: string) {
  await page.locator('.ant-radio-group').getByText(label, { exact: true }).click();
}

async function upload(page: Page, file: string) {
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '上传并核对' }).click();
}

const orgRows = (secretary: string): Record<string, string | number>[] => [
  {
    党组织名称: orgName,
    行政区划代码: target.regionCode,
    组织类别: '党支部',
    组建形式: '单独组建',
    覆盖企业信用代码: target.uscc,
    成立日期: day(today.subtract(2, 'year')),
    书记姓名: secretary,
    书记来源: '企业内部',
    正式党员数: target.fullMemberCount ?? target.memberCount,
    本届任期开始: day(today.subtract(2, 'year')),
  },
  {
    党组织名称: jointName,
    行政区划代码: '420500',
    组织类别: '联合党支部',
    组建形式: '联合组建',
    联建类型: '区域联建',
    覆盖企业信用代码: joint.map((r) => r.uscc).join('；'),
    成立日期: day(today.subtract(1, 'year')),
    // Fewer than 3 full members: a warning, not an error.
    正式党员数: 2,
  },
];

const memberRows = (probationary: string): Record<string, string | number>[] => [
  {
    姓名: '周建华',
    公民身份号码: fullMemberId,
    人员类别: '正式党员',
    入党日期: '2008-07-01',
    转正日期: '2009-07-01',
    所在党组织: orgName,
    工作单位信用代码: target.uscc,
  },
  {
    姓名: '吴晓燕',
    公民身份号码: probationary,
    人员类别: '预备党员',
    入党日期: day(today.subtract(3, 'month')),
    所在党组织: orgName,
    工作单位信用代码: target.uscc,
  },
];

describe('李四 works through the prompts, imports orgs and members, and records a restructuring', () => {
  const browser = useBrowser();

  it('opens 工作提示, clicks through to a should-form enterprise, and 查看全部 lists as many as the section counts', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '工作提示');
    await page.waitForURL('**/prompts');
    const section = page.getByTestId('prompt-section-should_form');
    await visible(section.getByText('应建未建'));
    const count = Number((await section.getByTestId('prompt-count').textContent())?.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    for (const title of ['换届', '组织设置', '改制企业“三同步”']) await visible(page.getByText(title, { exact: true }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'prompts-desktop');

    const first = section.getByTestId('prompt-item').first();
    await visible(first.getByText('提醒'));
    await visible(first.getByText(/有正式党员 \d+ 名，应单独建立党组织/));
    const name = (await first.getByRole('link').textContent()) ?? '';
    await first.getByRole('link').click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await visible(page.getByRole('heading', { name }));
    await visible(page.locator('.ant-descriptions').getByText('应建未建'));
    await page.goBack();

    await page.getByTestId('prompt-section-should_form').getByRole('link', { name: '查看全部' }).click();
    await page.waitForURL(/\/ledger\?.*category=should_form/);
    await expect.poll(() => ledgerTotal(page)).toBe(count);
  });

  it('imports an org file filled in on the template: the preview, then the orgs and the new category', async () => {
    const { page } = browser();
    await menu(page, '台账导入');
    await page.waitForURL('**/ledger/import');
    await chooseKind(page, '党组织');
    await page.waitForURL('**/ledger/import?kind=orgs');
    // The org file has no period or source.
    await expect.poll(() => page.getByLabel('数据期间').count()).toBe(0);
    const file = await fillTemplate(page, '党组织台账', orgRows('赵红梅'), '党组织台账.xlsx');
    await upload(page, file);
    await page.waitForURL(/\/ledger\/import\/orgs\/\d+$/);
    seen.orgBatch = new URL(page.url()).pathname;

    const state = page.getByTestId('batch-state');
    await visible(state.getByText('核对完成，党组织尚未写入'));
    for (const tab of ['新增 2', '变更 0', '未变 0', '错误 0', '提示 1']) {
      await visible(page.getByRole('tab', { name: tab }));
    }
    await visible(page.getByRole('row').filter({ hasText: '第 2 行' }).getByText(orgName));
    await visible(page.getByRole('row').filter({ hasText: '第 3 行' }).getByText(jointName));
    await page.getByRole('tab', { name: '提示 1' }).click();
    const warning = page.getByRole('row').filter({ hasText: '第 3 行' });
    await visible(warning.getByText('正式党员数', { exact: true }));
    await visible(warning.getByText('正式党员数为 2，少于 3 名', { exact: false }));
    await page.getByRole('tab', { name: '新增 2' }).click();
    await page.mouse.move(0, 0);
    await screenshot(page, 'import-orgs-preview-desktop');

    await state.getByRole('button', { name: '确认导入党组织' }).click();
    const confirm = await dialog(page);
    await visible(confirm.getByText('将新增 2 个、变更 0 个党组织？', { exact: false }));
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(state.getByText('已导入党组织：新增 2 个，变更 0 个，未变 0 个'));

    await state.getByRole('button', { name: '查看党组织' }).click();
    await page.waitForURL('**/orgs');
    await visible(page.getByRole('link', { name: orgName }));
    await visible(page.getByRole('row').filter({ hasText: jointName }).getByText('联合组建'));

    await page.goto(`/ledger?q=${encodeURIComponent(target.name)}`);
    await visible(page.getByRole('row').filter({ hasText: target.name }).getByText('已单独建立党组织'));
    await page.goto(`/ledger?q=${encodeURIComponent(joint[0].name)}`);
    await visible(page.getByRole('row').filter({ hasText: joint[0].name }).getByText('已联合建立党组织'));
  });

  it('imports the org file again with a new secretary: one row changed, shown field by field; discards it', async () => {
    const { page } = browser();
    await page.goto('/ledger/import?kind=orgs');
    const file = await fillTemplate(page, '党组织台账', orgRows('钱志刚'), '党组织台账-改.xlsx');
    await upload(page, file);
    await page.waitForURL(/\/ledger\/import\/orgs\/\d+$/);
    await visible(page.getByRole('tab', { name: '变更 1', selected: true }));
    await visible(page.getByRole('tab', { name: '未变 1' }));
    const changed = page.getByRole('row').filter({ hasText: orgName });
    await visible(changed.getByText('书记姓名：'));
    await visible(changed.getByText('赵红梅'));
    await visible(changed.getByText('钱志刚'));
    await page.getByTestId('batch-state').getByRole('button', { name: '放弃' }).click();
    const confirm = await dialog(page);
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(page.getByTestId('batch-state').getByText('已放弃，党组织未改变'));
  });

  it('imports members: a bad ID number is refused by row and column; the corrected file goes in', async () => {
    const { page } = browser();
    await menu(page, '台账导入');
    await chooseKind(page, '党员');
    await page.waitForURL('**/ledger/import?kind=members');
    let file = await fillTemplate(page, '党员名册', memberRows(badId), '党员名册-有错误.xlsx');
    await upload(page, file);
    await page.waitForURL(/\/ledger\/import\/members\/\d+$/);
    const state = page.getByTestId('batch-state');
    await visible(state.getByText('有 1 处错误，党员未导入'));
    await visible(page.getByRole('tab', { name: '错误 1', selected: true }));
    const error = page.getByRole('row').filter({ hasText: '第 3 行' });
    await visible(error.getByText('公民身份号码', { exact: true }));
    await visible(error.getByText('校验', { exact: false }));
    expect(await state.getByRole('button', { name: '确认导入党员' }).count()).toBe(0);
    // No full ID number on the page: the error names the row and the column, not the number.
    expect(await page.getByText(badId).count()).toBe(0);
    await page.mouse.move(0, 0);
    await screenshot(page, 'import-members-errors-desktop');

    await state.getByRole('button', { name: '导入另一个文件' }).click();
    await page.waitForURL('**/ledger/import?kind=members');
    file = await fillTemplate(page, '党员名册', memberRows(probationaryId), '党员名册.xlsx');
    await upload(page, file);
    await page.waitForURL(/\/ledger\/import\/members\/\d+$/);
    await visible(page.getByRole('tab', { name: '新增 2', selected: true }));
    // ID numbers masked in the preview.
    const masked = `${fullMemberId.slice(0, 3)}***********${fullMemberId.slice(-4)}`;
    await visible(page.getByRole('row').filter({ hasText: '周建华' }).getByText(masked));
    expect(await page.getByText(fullMemberId).count()).toBe(0);
    await state.getByRole('button', { name: '确认导入党员' }).click();
    const confirm = await dialog(page);
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(state.getByText('已导入党员：新增 2 名，变更 0 名，未变 0 名'));

    // The history, kind by kind.
    await page.getByRole('button', { name: '导入记录' }).click();
    await page.waitForURL('**/ledger/batches?kind=members');
    const table = page.locator('.ant-table-tbody');
    await visible(table.getByRole('row').filter({ hasText: '党员名册.xlsx' }).getByText('已写入台账'));
    await visible(table.getByRole('row').filter({ hasText: '党员名册-有错误.xlsx' }).getByText('有错误，未写入'));
    await chooseKind(page, '党组织');
    await page.waitForURL('**/ledger/batches?kind=orgs');
    await visible(table.getByRole('row').filter({ hasText: '党组织台账.xlsx' }).getByText('已写入台账'));
    await visible(table.getByRole('row').filter({ hasText: '党组织台账-改.xlsx' }).getByText('已放弃'));
  });

  it('the enterprise page lists its org and its recorded members, and records a restructuring’s 三同步', async () => {
    const { page } = browser();
    await page.goto(`/ledger?q=${encodeURIComponent(target.name)}`);
    await page.getByRole('link', { name: target.name }).click();
    await page.waitForURL(/\/ledger\/\d+$/);
    seen.enterprise = new URL(page.url()).pathname;
    const orgs = page.getByTestId('enterprise-orgs');
    await visible(orgs.getByText('党组织（现覆盖 1 个）'));
    const row = orgs.locator('.ant-table-row').filter({ hasText: orgName });
    await visible(row.getByText('党支部 · 单独组建'));
    await visible(row.getByText('现在'));
    await visible(page.getByTestId('enterprise-roster').getByText('2 人（正式党员 1 人）'));
    expect(await page.getByTestId('restructuring-card').count()).toBe(0);

    // Restructured 60 days ago; only the plans were submitted together.
    await page.getByRole('button', { name: '登记改制' }).click();
    let modal = await dialog(page);
    await pickDate(modal, '改制日期', day(today.subtract(60, 'day')));
    await pickDate(modal, '改制方案与党组织调整方案同步提交', day(today.subtract(55, 'day')));
    await modal.getByRole('button', { name: '保存' }).click();
    const card = page.getByTestId('restructuring-card');
    await visible(card.getByText('2 项逾期未落实'));
    await visible(card.getByTestId('restructuring-plansSubmittedOn').getByText('已落实', { exact: false }));
    await visible(card.getByTestId('restructuring-headsFixedOn').getByText('逾期未落实', { exact: false }));
    await visible(card.getByText('“法定代表人与党组织负责人同步确定”尚未落实', { exact: false }));
    expect(await page.getByRole('button', { name: '登记改制' }).count()).toBe(0);

    // The heads were fixed later: one item left.
    await card.getByRole('button', { name: '修改' }).click();
    modal = await dialog(page);
    await pickDate(modal, '法定代表人与党组织负责人同步确定', day(today.subtract(10, 'day')));
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(card.getByText('1 项逾期未落实'));
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'enterprise-orgs-desktop');

    // The prompt reaches 工作提示 and leads back here.
    await menu(page, '工作提示');
    const section = page.getByTestId('prompt-section-restructuring');
    const item = section.getByTestId('prompt-item').filter({ hasText: target.name });
    await visible(item.getByText('逾期'));
    await visible(item.getByText('“组织部门与改制部门同步监督”尚未落实', { exact: false }));
    await item.getByRole('link', { name: target.name }).click();
    await page.waitForURL(`**${seen.enterprise}`);
    await visible(page.getByRole('heading', { name: target.name }));

    // In English the new labels are translated too.
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByText('Restructured enterprise: 三同步'));
    expect(await page.getByText(/\b(restructuring|enterprise\.orgs|prompts)\.[a-zA-Z_.]+/).count()).toBe(0);
    await page.getByText('中文', { exact: true }).click();
  });
});

describe('the prompts, an import preview and the enterprise page on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('each fits the screen', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '工作提示');
    await page.waitForURL('**/prompts');
    await visible(page.getByTestId('prompt-section-should_form').getByTestId('prompt-item'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'prompts-phone');

    if (!seen.orgBatch || !seen.enterprise) throw new Error('the desktop tests did not get that far');
    await page.goto(seen.orgBatch);
    await visible(page.getByText('已导入党组织：新增 2 个', { exact: false }));
    await visible(page.getByRole('row').filter({ hasText: orgName }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'import-orgs-preview-phone');

    await page.goto(seen.enterprise);
    await visible(page.getByTestId('enterprise-orgs').getByRole('link', { name: orgName }));
    await visible(page.getByTestId('restructuring-card'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'enterprise-orgs-phone');
  });
});
