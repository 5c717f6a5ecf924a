import { describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  launch,
  leave,
  ledgerTotal,
  login,
  menu,
  menuItem,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));
let surveyBefore = 0;

/** The survey scope's denominator on 李四's dashboard (宜昌市), as shown. */
async function surveyDenominator(page: import('playwright-core').Page): Promise<number> {
  await page.goto('/dashboard?scope=survey');
  await visible(page.getByTestId('rate-org-den'));
  return num(await page.getByTestId('rate-org-den').textContent());
}

describe('the system administrator sets the survey scope; the figures follow', () => {
  const browser = useBrowser();

  it('李四 reads the survey-scope figure before, and has no statistics settings in the menu', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    surveyBefore = await surveyDenominator(page);
    expect(surveyBefore).toBeGreaterThan(0);
    expect(await (await menuItem(page, '统计设置')).count()).toBe(0);
    await page.goto('/settings/coverage');
    await visible(page.getByText('无权访问'));
    await leave(page);
  });

  it('the administrator raises the employee threshold from 10 to 30 and saves', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await menu(page, '统计设置');
    await page.waitForURL('**/settings/coverage');
    const threshold = page.getByLabel('调查口径：企业从业人员');
    await visible(threshold);
    expect(await threshold.inputValue()).toBe('10');
    // Any whole number in range, not only a band edge.
    await threshold.fill('30');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('统计设置已保存'));
    await screenshot(page, 'settings-coverage-desktop');
    // Not the administrator's to set: the instructor rules belong to the committee.
    expect(await (await menuItem(page, '指导员工作规则')).count()).toBe(0);
    await leave(page);
  });

  it('李四’s survey-scope figure is smaller, and its list is as long as the figure', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    const after = await surveyDenominator(page);
    expect(after).toBeLessThan(surveyBefore);
    await page.getByTestId('rate-org-den').click();
    await page.waitForURL(/scope=survey/);
    await expect.poll(() => ledgerTotal(page)).toBe(after);
  });
});

/** The 重点盯住 figure on 李四's dashboard (宜昌市), as shown. */
async function keyWatchFigure(page: import('playwright-core').Page): Promise<number> {
  await page.goto('/dashboard?scope=all');
  await visible(page.getByTestId('fig-key_watch'));
  return num(await page.getByTestId('fig-key_watch').textContent());
}

describe('the administrator lowers the 重点盯住 threshold; the figure and its list follow', () => {
  const browser = useBrowser();
  let before = 0;

  it('李四 reads the key-watch figure', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    before = await keyWatchFigure(page);
    await leave(page);
  });

  it('the administrator sets 40 employees (the ledger has uncovered enterprises of 45 and 60)', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await page.goto('/settings/coverage');
    const field = page.getByLabel('重点盯住：从业人员');
    await visible(field);
    expect(await field.inputValue()).toBe('100');
    await field.fill('40');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('统计设置已保存'));
    await leave(page);
  });

  it('李四’s figure is larger, its list as long, and it comes back at 100', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    const after = await keyWatchFigure(page);
    expect(after).toBeGreaterThan(before);
    await page.getByTestId('fig-key_watch').click();
    await page.waitForURL(/flag=key_watch/);
    await expect.poll(() => ledgerTotal(page)).toBe(after);
    await leave(page);

    await login(page, 'admin');
    await page.goto('/settings/coverage');
    await visible(page.getByLabel('重点盯住：从业人员'));
    await page.getByLabel('重点盯住：从业人员').fill('100');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('统计设置已保存'));
    await leave(page);
    await login(page, 'lisi');
    expect(await keyWatchFigure(page)).toBe(before);
  });
});

describe('李四 sets the org rules of 宜昌市', () => {
  const browser = useBrowser();

  it('allows joint organizations of 10 units; the value is kept, and the default comes back', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '党组织工作规则');
    await page.waitForURL('**/settings/org-rules');
    const limit = page.getByLabel('联合党组织覆盖单位一般不超过');
    await visible(limit);
    expect(await limit.inputValue()).toBe('5');
    await visible(page.getByText('6 个月'));
    await limit.fill('10');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('党组织工作规则已保存'));
    await page.reload();
    await expect.poll(() => page.getByLabel('联合党组织覆盖单位一般不超过').inputValue()).toBe('10');
    await screenshot(page, 'settings-org-rules-desktop');
    await page.getByLabel('联合党组织覆盖单位一般不超过').fill('5');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('党组织工作规则已保存'));
  });
});

describe('李四 sets the instructor rules', () => {
  const browser = useBrowser();

  it('asks for two contacts a week; the value is kept, and the default comes back', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '指导员工作规则');
    await page.waitForURL('**/instructors/rules');
    const perWeek = page.getByLabel('每家企业每周至少联系');
    await visible(perWeek);
    expect(await perWeek.inputValue()).toBe('1');
    expect(await page.getByLabel('诉求未更新提示').inputValue()).toBe('30');
    await perWeek.fill('2');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('指导员工作规则已保存'));
    await page.reload();
    await expect.poll(() => page.getByLabel('每家企业每周至少联系').inputValue()).toBe('2');
    await screenshot(page, 'settings-instructor-rules-desktop');

    await page.getByLabel('每家企业每周至少联系').fill('1');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('指导员工作规则已保存'));
  });

  it('the settings pages fit a phone', async () => {
    for (const [user, path, name] of [
      ['lisi', '/instructors/rules', 'settings-instructor-rules-phone'],
      ['admin', '/settings/coverage', 'settings-coverage-phone'],
      ['lisi', '/settings/org-rules', 'settings-org-rules-phone'],
    ] as const) {
      const phone = await launch({ phone: true });
      try {
        await login(phone.page, user);
        await phone.page.goto(path);
        await visible(phone.page.getByRole('button', { name: '保存' }));
        await screenshot(phone.page, name);
        expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
      } finally {
        await phone.close();
      }
    }
  });
});
