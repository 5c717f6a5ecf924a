import { describe, expect, it } from 'vitest';
import { horizontalOverflow, launch, ledgerTotal, login, logout, screenshot, useBrowser, visible } from './support.ts';

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
    expect(await page.getByRole('menuitem', { name: '统计设置' }).count()).toBe(0);
    await page.goto('/settings/coverage');
    await visible(page.getByText('无权访问'));
    await logout(page);
  });

  it('the administrator raises the employee threshold from 10 to 30 and saves', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '统计设置' }).click();
    await page.waitForURL('**/settings/coverage');
    const threshold = page.getByLabel('调查口径：企业从业人员');
    await visible(threshold);
    await visible(page.locator('.ant-form-item').filter({ has: threshold }).getByText('10 人及以上'));
    await threshold.click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '30 人及以上' })
      .click();
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('统计设置已保存'));
    await screenshot(page, 'settings-coverage-desktop');
    // Not the administrator's to set: the instructor rules belong to the committee.
    expect(await page.getByRole('menuitem', { name: '指导员工作规则' }).count()).toBe(0);
    await logout(page);
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

describe('李四 sets the instructor rules', () => {
  const browser = useBrowser();

  it('asks for two contacts a week; the value is kept, and the default comes back', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('menuitem', { name: '指导员工作规则' }).click();
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

  it('both pages fit a phone', async () => {
    for (const [user, path, name] of [
      ['lisi', '/instructors/rules', 'settings-instructor-rules-phone'],
      ['admin', '/settings/coverage', 'settings-coverage-phone'],
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
