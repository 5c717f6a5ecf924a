import { describe, expect, it } from 'vitest';
import { DISTRICTS, expected, goodRows } from './ledger-data.ts';
import {
  choose,
  dialog,
  download,
  firstLogin,
  leave,
  ledgerTotal,
  login,
  menu,
  menuItem,
  PHONE,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const rows = goodRows();
const want = expected(rows);
// The enterprise 李四 corrects: small, in scope, with a phone number on record.
const edited = rows[0];

describe('李四 works with the ledger', () => {
  const browser = useBrowser();

  it('filters by category, searches by name and sorts by head count, all kept in the URL', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '企业台账');
    await page.waitForURL('**/ledger');
    await expect.poll(() => ledgerTotal(page)).toBe(want.total);

    await page.getByLabel('分类').click();
    await choose(page.locator('.ant-select-item-option').filter({ hasText: '应建未建' }));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForURL(/category=should_form/);
    await expect.poll(() => ledgerTotal(page)).toBe(want.categories.should_form);
    await page.reload();
    await expect.poll(() => ledgerTotal(page)).toBe(want.categories.should_form);
    await visible(page.locator('.ant-form .ant-select').filter({ hasText: '应建未建' }));

    await page.getByRole('button', { name: '重置' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByLabel('名称或信用代码').fill('三峡');
    await page.getByLabel('名称或信用代码').press('Enter');
    await page.waitForURL(/q=/);
    const named = rows.filter((r) => r.name.includes('三峡'));
    expect(named.length).toBeGreaterThan(0);
    await expect.poll(() => ledgerTotal(page)).toBe(named.length);
    for (const r of named) await visible(page.getByRole('link', { name: r.name }));

    // By credit code, too.
    await page.getByLabel('名称或信用代码').fill(edited.uscc);
    await page.getByLabel('名称或信用代码').press('Enter');
    await expect.poll(() => ledgerTotal(page)).toBe(1);

    await page.goto('/ledger');
    const header = page.getByRole('columnheader', { name: '从业人员' });
    await header.click();
    await page.waitForURL(/sort=employees/);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    await page.waitForURL(/order=desc/);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const largest = [...rows].sort((a, b) => b.employees - a.employees)[0];
    await visible(page.locator('.ant-table-tbody tr.ant-table-row').first().getByText(String(largest.employees)));
    await page.mouse.move(0, 0);
    await screenshot(page, 'ledger-list-desktop');
  });

  it('exports the list as .xlsx', async () => {
    const { page } = browser();
    await page.goto('/ledger?category=no_member');
    await expect.poll(() => ledgerTotal(page)).toBe(want.categories.no_member);
    const file = await download(page, () => page.getByRole('link', { name: '导出 Excel' }).click());
    expect(file.name).toMatch(/^企业台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('opens an enterprise, corrects its head count (the server’s rules apply), and finds the change in its history', async () => {
    const { page } = browser();
    await page.goto(`/ledger?q=${encodeURIComponent(edited.name)}`);
    await page.getByRole('link', { name: edited.name }).click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await visible(page.getByRole('heading', { name: edited.name }));
    // Labels, not codes; the region by name; the phone masked by the server.
    await visible(page.getByText('私营企业'));
    await visible(page.getByText('宜昌市 / 西陵区 / 西陵街道'));
    await visible(page.getByText(`${edited.phone?.slice(0, 3)}****${edited.phone?.slice(-4)}`));
    await visible(page.getByText(`导入 2026Q1 · 市场监管局年报`));

    await page.getByRole('button', { name: '修改信息' }).click();
    const drawer = await dialog(page);
    // A full-member count above the member count: the server refuses it, under the field.
    await drawer.getByLabel('正式党员数').fill('9');
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(drawer.getByText(`正式党员数（9）不能大于党员数（${edited.memberCount}）`));

    await drawer.getByLabel('正式党员数').fill(String(edited.memberCount));
    await drawer.getByLabel('从业人员数').fill('150');
    const [patch] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'PATCH'),
      drawer.getByRole('button', { name: '保存' }).click(),
    ]);
    // Only what changed is sent: the full-member count was put back as it was.
    expect(patch.postDataJSON()).toEqual({ employees: 150 });
    await visible(page.getByText('已保存'));
    const change = page.getByTestId('history-item').filter({ hasText: '用户修改' });
    await visible(change.getByText('从业人员数：'));
    await visible(change.getByText(String(edited.employees), { exact: true }));
    await visible(change.getByText('150', { exact: true }));
    await visible(change.getByText('lisi'));
    // Now 150 employees without a party organization: 重点盯住.
    await visible(page.locator('.ant-descriptions').getByText('重点盯住'));
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(page, 'enterprise-desktop');
    // Every entry by field labels and value labels: no field key, no JSON.
    const entries = (await page.getByTestId('history-item').allInnerTexts()).join('\n');
    expect(entries).toContain('建档');
    expect(entries.match(/\b[a-z]+[A-Z][A-Za-z]*\b|[{}"]/g) ?? []).toEqual([]);
    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    await visible(change.getByText('从业人员数：'));
    await screenshot(page, 'enterprise-history-phone');
    if (desktop) await page.setViewportSize(desktop);

    // In English the history names the field in English.
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByTestId('history-item').filter({ hasText: 'Edited by a user' }).getByText('Employees:'));
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByText('变更记录'));

    // An enterprise this user cannot see (or that is gone: the server does not tell them apart)
    // says so, and offers 返回, not a 重试 that cannot help.
    await page.goto(new URL('/ledger/999999999', page.url()).toString());
    await visible(page.getByText('找不到这条记录'));
    await visible(page.getByText(/不在您的管辖范围内/));
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    await page.getByRole('button', { name: '返回' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/999999999'));
  });

  it('clicks the dashboard’s figures and lands on lists of the same size', async () => {
    const { page } = browser();
    await menu(page, '首页');
    await page.waitForURL('**/dashboard');
    // No party organizations yet: 0 of the in-scope enterprises are covered, shown with one decimal.
    const rate = page.locator('.ant-statistic').filter({ hasText: '党组织覆盖率' });
    await visible(rate.getByText('0.0%'));
    await visible(rate.getByText(`0 / ${want.inScope}`));
    await screenshot(page, 'dashboard-ledger-desktop');

    const figure = async (title: string) => {
      const card = page.locator('.ant-card .ant-card').filter({ hasText: title });
      const value = Number(((await card.locator('.ant-statistic-content').textContent()) ?? '').replace(/,/g, ''));
      return { card, value };
    };
    const cases: { title: string; url: RegExp; value: number }[] = [
      { title: '应建未建', url: /category=should_form/, value: want.categories.should_form },
      // 李四 made one more enterprise large: it joined 重点盯住.
      { title: '重点盯住', url: /flag=key_watch/, value: want.keyWatch + 1 },
      { title: '在统计范围内', url: /status=in_scope/, value: want.inScope },
      { title: '已注销、吊销或迁出', url: /status=closed/, value: want.closed },
    ];
    for (const c of cases) {
      const { card, value } = await figure(c.title);
      expect(value).toBe(c.value);
      await card.getByRole('link').click();
      await page.waitForURL(c.url);
      await expect.poll(() => ledgerTotal(page)).toBe(value);
      await page.goBack();
      await page.waitForURL('**/dashboard');
    }
    // 群团组织先行 (issue #13): no org but a union or league, the same number as its list.
    const massOrgs = await figure('未建党组织、已建群团组织');
    await massOrgs.card.getByRole('link').click();
    await page.waitForURL(/flag=mass_org_only/);
    await expect.poll(() => ledgerTotal(page)).toBe(massOrgs.value);
    await page.goBack();
    await page.waitForURL('**/dashboard');

    // A district's in-scope count opens that district's list; its name, the whole district.
    const district = DISTRICTS[0];
    const inDistrict = rows.filter((r) => r.regionCode.startsWith(district.code));
    const row = page.getByRole('row').filter({ hasText: district.name });
    const inScope = inDistrict.filter((r) => !['cancelled', 'revoked', 'moved_out'].includes(r.status)).length;
    await row.getByRole('link', { name: String(inScope), exact: true }).click();
    await page.waitForURL(new RegExp(`region=${district.code}&status=in_scope`));
    await expect.poll(() => ledgerTotal(page)).toBe(inScope);
    await page.goBack();
    // Its name drills down: the district's own dashboard.
    await row.getByRole('link', { name: district.name }).click();
    await page.waitForURL(new RegExp(`/dashboard\\?region=${district.code}`));
    await visible(page.getByRole('heading', { name: `${district.name}概况` }));
    await leave(page);
  });

  it('the leader 王五 reads and exports the ledger, but may neither import nor edit', async () => {
    const { page } = browser();
    await firstLogin(page, 'wangwu', 'Wang-Wu#Lingdao2026', { totp: false });
    await page.waitForURL('**/dashboard');
    await visible(await menuItem(page, '企业台账'));
    expect(await (await menuItem(page, '台账导入')).count()).toBe(0);
    await menu(page, '企业台账');
    await expect.poll(() => ledgerTotal(page)).toBe(want.total);
    await visible(page.getByRole('link', { name: '导出 Excel' }));
    await page.getByLabel('名称或信用代码').fill(edited.name);
    await page.getByLabel('名称或信用代码').press('Enter');
    await expect.poll(() => ledgerTotal(page)).toBe(1);
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '修改' }).count()).toBe(0);
    await page.getByRole('link', { name: edited.name }).click();
    await visible(page.getByRole('heading', { name: edited.name }));
    expect(await page.getByRole('button', { name: '修改信息' }).count()).toBe(0);
    await page.goto('/ledger/import');
    await visible(page.getByText('无权访问'));
  });
});
