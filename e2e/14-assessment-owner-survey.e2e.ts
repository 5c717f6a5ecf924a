import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  choose,
  dialog,
  download,
  horizontalOverflow,
  launch,
  login,
  menu,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

// 12-instructors assigned 赵工信 to a manufacturer this half year: 李四 assesses them here, the
// owner casts a ballot and answers the owner satisfaction survey from a phone, without an account.
const INSTRUCTOR = '赵工信';
let ballotLink = '';
let ownerSurveyLink = '';
let enterpriseName = '';

const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** Runs `steps` in a fresh phone browser (no account, no cookies); a failure leaves a screenshot. */
async function onPhone(name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const phone = await launch({ phone: true });
  try {
    await steps(phone.page);
  } catch (error) {
    await screenshot(phone.page, `FAILED ${name}`).catch(() => undefined);
    throw error;
  } finally {
    await phone.close();
  }
}

const rowOf = (page: Page, text: string) => page.locator('.ant-table-row').filter({ hasText: text });

describe('李四 assesses 赵工信 for the half year', () => {
  const browser = useBrowser();

  it('enters a daily assessment and the periodic one; the result is incomplete until the ballots', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '指导员考核');
    await page.waitForURL('**/assessments');
    await visible(rowOf(page, INSTRUCTOR).getByText('未完成'));

    await page.getByRole('tab', { name: '日常考核' }).click();
    await page.getByLabel('指导员').click();
    await choose(option(page, INSTRUCTOR));
    await page.getByLabel('得分').fill('92');
    await page.getByLabel('备注').fill('按时走访，诉求跟进及时');
    await page.getByRole('button', { name: '录入' }).click();
    await visible(rowOf(page, '按时走访'));

    await page.getByRole('tab', { name: '定期考核' }).click();
    await rowOf(page, INSTRUCTOR).getByRole('button', { name: '录入' }).click();
    const modal = await dialog(page);
    await modal.getByLabel('履职情况').fill('90');
    await modal.getByLabel('工作纪律').fill('88');
    await modal.getByLabel('工作成效').fill('95');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // (90 + 88 + 95) / 3 = 91
    await visible(rowOf(page, INSTRUCTOR).getByText('91'));
  });

  it('issues the owner’s ballot: the link is shown once', async () => {
    const { page } = browser();
    await page.getByRole('tab', { name: '民主测评' }).click();
    // The ballot row, not the periodic tab's row of the same instructor that may still be on
    // screen for a moment after the click (its first cell is the instructor, not the enterprise).
    const row = rowOf(page, INSTRUCTOR).filter({ has: page.getByRole('button', { name: '发放测评票' }) });
    await visible(row);
    enterpriseName = ((await row.locator('td').first().textContent()) ?? '').trim();
    expect(enterpriseName).not.toBe('');
    await row.getByRole('button', { name: '发放测评票' }).click();
    const modal = await dialog(page);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    const links = await dialog(page);
    await visible(links.getByText('一次性链接（只显示这一次）'));
    ballotLink = ((await links.getByTestId('issued-link').first().textContent()) ?? '').trim();
    expect(ballotLink).toMatch(/\/ballot#[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'assessment-ballot-links');
    await links.getByRole('button', { name: '我已保存，关闭' }).click();
    await visible(rowOf(page, INSTRUCTOR).getByText('已交 0 / 已发 1（上限 1）'));
  });
});

describe('the owner casts the ballot on a phone, without an account', () => {
  it('scores 赵工信, sees the thank-you, and the link is refused the second time', async () => {
    await onPhone('ballot', async (page) => {
      await page.goto(ballotLink);
      await visible(page.getByText('民主测评票'));
      await visible(page.getByText(`${enterpriseName} · `, { exact: false }));
      await visible(page.getByText('本票不记名'));
      await screenshot(page, 'assessment-ballot-phone');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // Submitting without a score is stopped under the field.
      await page.getByRole('button', { name: '提交' }).click();
      await visible(page.getByText('请为这位指导员打分（0–100）'));
      await page.getByLabel(new RegExp(`^${INSTRUCTOR}`)).fill('95');
      await page.getByRole('button', { name: '提交' }).click();
      await visible(page.getByTestId('link-thanks'));
      await screenshot(page, 'assessment-ballot-thanks-phone');

      await page.reload();
      await visible(page.getByTestId('link-refused'));
      await visible(page.getByText('此链接已经提交过'));
      await screenshot(page, 'assessment-ballot-used-phone');
    });
  });
});

describe('the results and their .xlsx', () => {
  const browser = useBrowser();

  it('show the breakdown, the final score and the grade; the download has the same row', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/assessments');
    const row = rowOf(page, INSTRUCTOR);
    // 0.4 × 92 + 0.4 × 91 + 0.2 × 95 = 92.2 → 优秀
    await visible(row.getByText('92.2'));
    await visible(row.getByText('优秀'));
    await screenshot(page, 'assessment-results');

    const file = await download(page, () => page.getByRole('link', { name: '下载 Excel' }).click());
    expect(file.name).toMatch(/^指导员考核结果-\d{4}年[上下]半年\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核结果');
    expect(String(sheet?.getCell('A1').value)).toContain('职能党建指导员考核结果');
    expect(String(sheet?.getCell('A2').value)).toContain('填报单位：宜昌市');
    const line = sheet?.getRows(5, (sheet?.rowCount ?? 5) - 4)?.find((r) => r.getCell(2).value === INSTRUCTOR);
    expect(line?.getCell(9).value).toBe(92.2);
    expect(line?.getCell(10).value).toBe('优秀');
    expect(line?.getCell(8).value).toBe(1);
  });
});

describe('the owner satisfaction survey', () => {
  const browser = useBrowser();

  it('李四 starts it for 宜昌市 this half year and issues the links', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '满意度测评');
    await page.waitForURL('**/assessments/owner-surveys');
    await page.getByRole('button', { name: '发起问卷' }).click();
    const modal = await dialog(page);
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.waitForURL(/\/assessments\/owner-surveys\/\d+$/);
    await visible(rowOf(page, enterpriseName).getByText('未发链接'));
    await page.getByRole('button', { name: '为未答的企业生成链接' }).click();
    const links = await dialog(page);
    const mine = links.locator('.ant-table-row').filter({ hasText: enterpriseName }).getByTestId('issued-link');
    ownerSurveyLink = ((await mine.textContent()) ?? '').trim();
    expect(ownerSurveyLink).toMatch(/\/owner-survey#[A-Za-z0-9_-]{43}$/);
    await links.getByRole('button', { name: '我已保存，关闭' }).click();
    await visible(rowOf(page, enterpriseName).getByText('已发未答'));
  });

  it('the owner answers on a phone; the same link is refused afterwards', async () => {
    await onPhone('owner-survey', async (page) => {
      await page.goto(ownerSurveyLink);
      await visible(page.getByText('职能党建指导员工作业主满意度测评'));
      await page.getByRole('button', { name: '提交' }).click();
      await expect.poll(() => page.getByText('请选择一项').count()).toBe(3);
      await page.getByRole('radio', { name: '特别突出' }).check();
      await page.getByRole('radio', { name: '满意', exact: true }).check();
      await page.getByRole('radio', { name: '每周至少一次' }).check();
      await page.getByLabel('4. 意见和建议（选填）').fill('希望多协调融资');
      await screenshot(page, 'owner-survey-form-phone');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: '提交' }).click();
      await visible(page.getByTestId('link-thanks'));

      await page.reload();
      await visible(page.getByText('此链接已经提交过'));
      await screenshot(page, 'owner-survey-used-phone');
      // A link handed out before the owner survey took its name (/survey#…) opens the same page.
      await page.goto(ownerSurveyLink.replace('/owner-survey#', '/survey#'));
      await visible(page.getByText('此链接已经提交过'));
    });
  });

  it('the results count the response: 1 effective, 100 % satisfied', async () => {
    const { page } = browser();
    await page.reload();
    await visible(rowOf(page, enterpriseName).getByText('已答'));
    await expect
      .poll(() => page.getByTestId('owner-survey-effective').locator('.ant-statistic-content').textContent())
      .toBe('1');
    await expect
      .poll(() => page.getByTestId('owner-survey-satisfied').locator('.ant-statistic-content').textContent())
      .toBe('100%');
    await visible(page.getByTestId('owner-survey-satisfied').getByText('1 / 1'));
    await screenshot(page, 'owner-survey-results');
  });
});

describe('the assessment pages on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the results and the owner survey list fit the screen', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/assessments');
    await visible(rowOf(page, INSTRUCTOR));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'assessment-results-phone');
    await page.goto('/assessments/owner-surveys');
    await visible(page.getByText('职能党建指导员工作业主满意度测评'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
