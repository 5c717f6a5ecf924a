// Quarterly submission (报送, issue #14 item 2): the committee of 伍家岗区 submits its report
// of the last quarter, the city's 李四 sees it among the counties and returns it with a
// reason, and the county resubmits it with its own — on a desktop and on a 375-px phone.
import { describe, expect, it } from 'vitest';
import {
  assignRole,
  createUser,
  dialog,
  firstLogin,
  login,
  logout,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const COUNTY = { code: '420503', name: '伍家岗区' };
const USERNAME = 'wujiagang';
const PASSWORD = 'Wu-Jiagang#Quarter26';
const RETURN_REASON = '新建党组织名单缺少批准机关，请补充';

describe('the committee of 伍家岗区 submits its quarterly report', () => {
  const browser = useBrowser();

  it('the administrators create the county committee’s account', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/users');
    await createUser(page, {
      username: USERNAME,
      displayName: '伍家岗区工委',
      region: ['全国', '湖北省', '宜昌市', COUNTY.name],
    });
    await logout(page);
    await login(page, 'secadmin');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await assignRole(page, USERNAME, '党工委工作人员');
    await logout(page);
  });

  it('submits the last quarter’s report; its figures are frozen with who and when', async () => {
    const { page } = browser();
    await firstLogin(page, USERNAME, PASSWORD, { totp: true });
    await page.goto('/reports/quarterly');
    const card = page.getByTestId('submission-card');
    await visible(card.getByText(/待报送|逾期未报送/));
    await page.getByTestId('submission-submit').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '报送' }).click();
    await visible(card.getByTestId('submission-status').getByText(/按期报送|逾期报送/));
    await visible(card.getByTestId('submission-history').getByText('伍家岗区工委'));
    // The figures shown are the ones submitted; the ledger as it is now is one click away.
    await visible(page.getByTestId('quarterly-view').getByText('报送的数据'));
    expect(await page.getByTestId('submission-submit').count()).toBe(0);
    await screenshot(page, 'submission-county');
    await logout(page);
  });
});

describe('李四 of the city sees the counties’ submissions and returns one', () => {
  const browser = useBrowser();

  it('returns 伍家岗区’s report with a reason', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/reports/quarterly');
    const table = page.getByTestId('child-submissions');
    const row = table.getByRole('row').filter({ hasText: COUNTY.name });
    await visible(row.getByText(/按期报送|逾期报送/));
    await visible(
      table
        .getByRole('row')
        .filter({ hasText: '西陵区' })
        .getByText(/待报送|逾期未报送/),
    );
    await screenshot(page, 'submission-city');
    await row.getByTestId(`return-${COUNTY.code}`).click();
    const modal = await dialog(page);
    // Without a reason nothing is sent.
    await modal.getByRole('button', { name: '退回' }).click();
    await visible(modal.locator('.ant-form-item-explain-error').getByText('退回原因'));
    await modal.getByTestId('submission-reason').fill(RETURN_REASON);
    await modal.getByRole('button', { name: '退回' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(row.getByText('已退回，待重新报送'));
    await visible(row.getByText(RETURN_REASON));
    await logout(page);
  });
});

describe('on a 375-px phone, the county sees why and resubmits', () => {
  const browser = useBrowser({ phone: true });

  it('resubmits with its reason; the first submission and the return stay in the history', async () => {
    const { page } = browser();
    await login(page, USERNAME);
    await page.goto('/reports/quarterly');
    const card = page.getByTestId('submission-card');
    await visible(card.getByText(RETURN_REASON));
    await visible(card.getByTestId('submission-status').getByText('已退回，待重新报送'));
    await screenshot(page, 'submission-returned-phone');
    await card.getByTestId('submission-resubmit').click();
    const modal = await dialog(page);
    await modal.getByTestId('submission-reason').fill('已补充批准机关');
    await modal.getByRole('button', { name: '重新报送' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(card.getByTestId('submission-status').getByText(/按期报送|逾期报送/));
    const history = card.getByTestId('submission-history');
    await visible(history.getByText('已补充批准机关'));
    expect(await history.locator('tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(page, 'submission-resubmitted-phone');
    await logout(page);
  });
});
