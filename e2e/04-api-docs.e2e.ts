import { describe, it } from 'vitest';
import { screenshot, useBrowser, visible } from './support.ts';

describe('the API documentation page', () => {
  const browser = useBrowser();

  it('renders the OpenAPI document with swagger-ui, under the strict CSP', async () => {
    const { page } = browser();
    await page.goto('/api-docs.html');
    await visible(page.getByRole('heading', { name: /Dangjian 非公党建工作管理系统 API/ }));
    await visible(page.getByText('/api/auth/login'));
    await screenshot(page, 'api-docs-desktop');
  });
});
