// What the browser tests share: the running server's address (from scripts/e2e.mjs), one
// Chromium per test file with a fresh profile per `describe`, and the accounts' current
// passwords, TOTP secrets and signed-in sessions, which later files need after earlier ones
// changed them.
import fs from 'node:fs';
import path from 'node:path';
import {
  type BrowserContext,
  type Browser as Chromium,
  type Cookie,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { totpCode } from '../src/server/auth/totp.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`node scripts/e2e.mjs\``);
  return value;
}

export const BASE_URL = env('E2E_BASE_URL');
const STATE_FILE = env('E2E_STATE_FILE');
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results/screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
/** The 党组织 menu item by its whole name (after its icon): 党组织工作规则 begins the same. */
export const ORGS_MENU = /(^|\s)党组织$/;

interface Account {
  password: string;
  totpSecret?: string;
  /** The last TOTP time step used: the server refuses a code of the same step twice. */
  lastStep?: number;
  /**
   * The cookies of a session this account signed in with and did not log out of. A TOTP code
   * works once and a new one comes every 30 s, so `login` takes this session up again
   * instead of waiting for the next code.
   */
  session?: Cookie[];
}
type State = Record<string, Account>;

function readState(): State {
  if (fs.existsSync(STATE_FILE)) return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as State;
  return {
    admin: { password: env('E2E_PASSWORD_ADMIN') },
    secadmin: { password: env('E2E_PASSWORD_SECADMIN') },
    auditor: { password: env('E2E_PASSWORD_AUDITOR') },
  };
}

export function account(username: string): Account {
  const a = readState()[username];
  if (!a) throw new Error(`no account ${username} yet: the test files run in name order`);
  return a;
}

export function saveAccount(username: string, patch: Partial<Account>): void {
  const state = readState();
  state[username] = { ...state[username], ...patch } as Account;
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

const PERIOD_MS = 30_000;

/**
 * A code for `username`'s authenticator that the server has not seen. The server accepts the
 * step before and after the current one (clock drift, src/server/auth/totp.ts) and refuses a
 * step not newer than the last it accepted; so when the current step is used, the next one
 * is taken at once, and only when that is used too is the next step awaited.
 */
export async function nextTotp(username: string): Promise<string> {
  const { totpSecret, lastStep } = account(username);
  if (!totpSecret) throw new Error(`${username} has no TOTP secret`);
  const now = Math.floor(Date.now() / PERIOD_MS);
  const step = lastStep === undefined ? now : Math.max(now, lastStep + 1);
  // A step more than one ahead is accepted from the moment the step before it begins.
  const wait = (step - 1) * PERIOD_MS - Date.now();
  if (wait > 0) {
    // Said in the log: a test that waits here is one to give a kept session (`login`, `leave`).
    console.log(`${username}: waiting ${Math.round(wait / 1000)} s for an unused TOTP step`);
    await new Promise((r) => setTimeout(r, wait + 200));
  }
  saveAccount(username, { lastStep: step });
  return totpCode(totpSecret, step * PERIOD_MS + 1_000);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

let chromiumOfFile: Promise<Chromium> | undefined;

/** Starting Chromium takes seconds on a busy machine: a test file starts it once, when first needed. */
function chromiumProcess(): Promise<Chromium> {
  chromiumOfFile ??= chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return chromiumOfFile;
}

// Registered while the test file that imports this module is collected: it runs after the file's last test.
afterAll(async () => {
  const started = chromiumOfFile;
  chromiumOfFile = undefined;
  await (await started)?.close();
});

/** A fresh Chromium profile: no cookies, no stored language. */
export async function launch(opts: { phone?: boolean } = {}): Promise<Browser> {
  const context = await (await chromiumProcess()).newContext({
    viewport: opts.phone ? PHONE : DESKTOP,
    isMobile: opts.phone ?? false,
    hasTouch: opts.phone ?? false,
    locale: 'zh-CN',
    acceptDownloads: true,
    baseURL: BASE_URL,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer; the app expects some (wrong password, weak password).
    if (
      m.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    ) {
      errors.push(m.text());
    }
  });
  return {
    context,
    page,
    close: async () => {
      await context.close();
      // A script error or a CSP refusal in the console fails the file that caused it.
      if (errors.length) throw new Error(`browser console errors:\n${errors.join('\n')}`);
    },
  };
}

/**
 * The auditor's session, open for the whole file, counting a user's denied requests in the
 * audit trail: a role's normal walk through its pages must add none.
 */
export function auditorForFile(): { page: () => Page; deniedRows: (username: string) => Promise<number> } {
  let auditor: Browser | undefined;
  beforeAll(async () => {
    auditor = await launch();
    await login(auditor.page, 'auditor');
  });
  afterAll(() => auditor?.close());
  const page = () => {
    if (!auditor) throw new Error('the auditor is not signed in yet');
    return auditor.page;
  };
  const deniedRows = async (username: string) => {
    const res = await page().request.get(`/api/audit?actor=${username}&result=denied&pageSize=1`);
    if (res.status() !== 200) throw new Error(`the audit trail answered ${res.status()}: ${await res.text()}`);
    return ((await res.json()) as { total: number }).total;
  };
  return { page, deniedRows };
}

/**
 * One browser for the tests of a `describe`, opened before and closed after them; a failed
 * test leaves a screenshot named after it.
 */
export function useBrowser(opts: { phone?: boolean } = {}): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(opts);
  });
  afterEach(async (ctx) => {
    if (browser && ctx.task.result?.state === 'fail') {
      await screenshot(browser.page, `FAILED ${ctx.task.name}`.replace(/[^\p{L}\p{N} -]+/gu, '_')).catch(
        () => undefined,
      );
    }
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser is not open yet');
    return browser;
  };
}

/**
 * The open dialog (the topmost), once its opening animation is over (a click during it can miss). A
 * loading spinner inside it runs forever and is cancelled when the data arrives, so only
 * finite animations are awaited, and a cancelled one counts as over.
 */
export async function dialog(page: Page): Promise<Locator> {
  const d = page.getByRole('dialog').last();
  await visible(d);
  await d.evaluate((el) =>
    Promise.allSettled(
      el
        .getAnimations({ subtree: true })
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished),
    ),
  );
  return d;
}

/**
 * Chooses an option of an open drop-down list by sending the click to the option itself, not
 * to a point on the screen: antd draws its lists in a layer of their own and moves them after
 * the page scrolls, so a click aimed while a list moved (CI, under load) could land beside it
 * and choose nothing or a neighbour.
 */
export async function choose(option: Locator): Promise<void> {
  await option.waitFor({ state: 'visible' });
  await option.dispatchEvent('click');
}

export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // antd starts a transition (drawer, modal, table loading mask) a frame after the change
  // that causes it; the screenshot then finishes the transitions at once instead of
  // waiting for them.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The page is no wider than the window: wide content scrolls inside its own box. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Types the user name and password on the login page and submits. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Logs in an account whose first-login steps are done: takes up the session it kept, if the
 * server still knows it, else types the password and the TOTP code if it has one.
 */
export async function login(page: Page, username: string): Promise<void> {
  if (await resumeSession(page, username)) return;
  const a = account(username);
  await submitLogin(page, username, a.password);
  if (a.totpSecret) {
    await page.waitForURL('**/login/totp');
    await page.getByLabel('6 位验证码').fill(await nextTotp(username));
    await page.getByRole('button', { name: '验证' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await keepSession(page, username);
}

/** Remembers the session `page` is signed in with as `username`'s, for `login` to take up later. */
async function keepSession(page: Page, username: string): Promise<void> {
  saveAccount(username, { session: await page.context().cookies(BASE_URL) });
}

const SESSION_COOKIE = 'dj_session';
const sessionToken = (cookies: Cookie[]) => cookies.find((c) => c.name === SESSION_COOKIE)?.value;

/**
 * Signs `page` in with the session `username` kept, as opening the app in a browser that
 * is still signed in. False, with no cookies left, when the server no longer knows it
 * (logged out, expired, password changed).
 */
async function resumeSession(page: Page, username: string): Promise<boolean> {
  const kept = account(username).session;
  if (!kept) return false;
  const context = page.context();
  await context.clearCookies();
  await context.addCookies(kept);
  const res = await context.request.get(`${BASE_URL}/api/session`);
  const info = res.ok() ? ((await res.json()) as { user: { username: string } | null; state: SignedIn | null }) : null;
  const signedIn =
    info?.user?.username === username &&
    info.state !== null &&
    !info.state.mfaRequired &&
    !info.state.mustChangePassword &&
    !info.state.mustEnrolTotp;
  if (!signedIn) {
    await context.clearCookies();
    saveAccount(username, { session: undefined });
    return false;
  }
  await page.goto('/');
  await visible(page.getByRole('button', { name: /退出登录|Log out/ }));
  return true;
}
interface SignedIn {
  mfaRequired: boolean;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

/** The forced first-login password change. */
export async function changeInitialPassword(page: Page, username: string, newPassword: string): Promise<void> {
  await page.waitForURL('**/login/password');
  await page.getByLabel('当前密码').fill(account(username).password);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login/password'));
  saveAccount(username, { password: newPassword });
}

/** The forced TOTP enrolment of an administrator: read the key off the page, answer with a code. */
export async function enrolTotp(page: Page, username: string, opts: { screenshot?: string } = {}): Promise<void> {
  await page.waitForURL('**/login/enrol');
  await page.getByRole('button', { name: '生成绑定密钥' }).click();
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  if (opts.screenshot) await screenshot(page, opts.screenshot);
  const secret = shown.replace(/\s/g, '');
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`unexpected TOTP secret on the page: ${shown}`);
  saveAccount(username, { totpSecret: secret });
  await page.getByLabel('6 位验证码').fill(await nextTotp(username));
  await page.getByRole('button', { name: '确认绑定' }).click();
  // The system administrator's first login goes on to choosing the deployment's region.
  await page.waitForURL((url) => !url.pathname.startsWith('/login') || url.pathname === '/login/region');
}

/** First login of an account with its one-time password: new password, and TOTP if it must. */
export async function firstLogin(
  page: Page,
  username: string,
  newPassword: string,
  opts: { totp: boolean },
): Promise<void> {
  await submitLogin(page, username, account(username).password);
  await changeInitialPassword(page, username, newPassword);
  if (opts.totp) await enrolTotp(page, username);
  await keepSession(page, username);
}

/** Clicks 退出登录: the server ends the session, so `login` will not take it up again. */
export async function logout(page: Page): Promise<void> {
  const token = sessionToken(await page.context().cookies(BASE_URL));
  for (const [username, a] of Object.entries(readState())) {
    if (token && a.session && sessionToken(a.session) === token) saveAccount(username, { session: undefined });
  }
  await page.getByRole('button', { name: /退出登录|Log out/ }).click();
  await page.waitForURL('**/login');
}

/**
 * Hands the browser to the next user without logging out, as if they used a browser of
 * their own: the session stays valid on the server for the account's next `login`. For a
 * story that switches users; the logout itself is tested in 01-first-login.
 */
export async function leave(page: Page): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await visible(page.getByRole('button', { name: '登录' }));
}

/**
 * Opens the region picker of `form` and chooses the division at the end of `path`, opening
 * each level above it first (the tree loads a level when it is opened). The tree's list is
 * virtual: a division far down a long level is rendered only once the list scrolls to it.
 * (Typing to search would find it, but a level opened during a search is not loaded.)
 */
export async function pickRegion(page: Page, form: Locator, label: string, path: string[]): Promise<void> {
  await form.getByLabel(label).click();
  const list = page.locator('.ant-select-tree-list-holder');
  const node = (name: string) =>
    page.locator('.ant-select-tree-treenode').filter({
      has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${name}$`) }),
    });
  /** Scrolls through the list, from the top, until `name` is rendered; again while its level is still loading. */
  const reach = async (name: string) => {
    for (let round = 0; round < 40; round++) {
      await list.evaluate((el) => el.scrollTo({ top: 0 }));
      for (;;) {
        await page.waitForTimeout(30);
        if ((await node(name).count()) > 0) return;
        const moved = await list.evaluate((el) => {
          const before = el.scrollTop;
          el.scrollBy({ top: 120 });
          return el.scrollTop !== before;
        });
        if (!moved) break;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`no ${name} in the region tree`);
  };
  for (const [i, name] of path.entries()) {
    await reach(name);
    const target = node(name);
    if (i < path.length - 1) await target.locator('.ant-select-tree-switcher').click();
    else await target.locator('.ant-select-tree-node-content-wrapper').click();
  }
}

/** The system administrator's 新建用户: returns the one-time password shown once. */
export async function createUser(
  page: Page,
  user: { username: string; displayName: string; region: string[] },
): Promise<string> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const form = await dialog(page);
  await form.getByLabel('用户名').fill(user.username);
  await form.getByLabel('姓名').fill(user.displayName);
  await pickRegion(page, form, '所属区划', user.region);
  await form.getByRole('button', { name: '保存' }).click();
  const shown = page.getByTestId('one-time-password');
  await visible(shown);
  const password = ((await shown.textContent()) ?? '').trim();
  saveAccount(user.username, { password });
  await page.getByRole('button', { name: '我已记下' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  return password;
}

/** The security administrator's 分配角色 for one user on the users page. */
export async function assignRole(page: Page, username: string, roleLabel: string): Promise<void> {
  const row = page.getByRole('row').filter({ hasText: username });
  await row.getByRole('button', { name: '分配角色' }).click();
  const roles = await dialog(page);
  await roles.getByRole('checkbox', { name: roleLabel }).check();
  await roles.getByRole('button', { name: '保存' }).click();
  await visible(row.getByText(roleLabel));
}

/** Clicks what starts a download and returns the file's suggested name and bytes. */
export async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const where = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(where) };
}

/** The ledger list's "共 N 家", as a number. */
export async function ledgerTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('ledger-total').textContent()) ?? '';
  const m = /([\d,]+)/.exec(text);
  if (!m) throw new Error(`no total in “${text}”`);
  return Number(m[1].replace(/,/g, ''));
}

/** Opens every folded group of the side menu in view (the sider, or the drawer when open). */
async function openMenuGroups(page: Page): Promise<void> {
  const folded = page.locator('.ant-menu-submenu-inline:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let round = 0; round < 12; round++) {
    let opened = false;
    for (const title of await folded.all()) {
      if (await title.isVisible()) {
        // The menu may unfold this group itself (the current page's) between the look and the
        // click, and then the locator, which asks for a folded group, finds none: look again.
        opened = await title
          .click({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (!opened) opened = (await folded.count()) > 0;
        break;
      }
    }
    if (!opened) return;
  }
}

/**
 * A side-menu entry by its name (a page's entry, not a group's title), once every folded group
 * of the menu in view is open. On a phone the drawer must be open first; a menu not shown has
 * no entries. The menu renders with the signed-in layout (and the drawer's as it opens), so
 * the groups are looked at again for a moment until the entry shows.
 */
export async function menuItem(page: Page, name: string | RegExp): Promise<Locator> {
  await visible(page.getByRole('button', { name: /退出登录|Log out/ }));
  const entry = page.getByRole('menuitem', { name }).and(page.locator('li'));
  for (let round = 0; round < 15; round++) {
    await openMenuGroups(page);
    if (await entry.first().isVisible()) break;
    await page.waitForTimeout(150);
  }
  return entry;
}

/** Clicks a side-menu entry by its name, opening its group first. */
export async function menu(page: Page, name: string | RegExp): Promise<void> {
  const entry = (await menuItem(page, name)).first();
  // Groups just opened are still unfolding (antd's collapse motion) and move the entries below
  // them: a click aimed at the entry can land on its neighbour. Wait until it stops moving.
  let box = await entry.boundingBox();
  for (let round = 0; round < 20; round++) {
    await page.waitForTimeout(100);
    const next = await entry.boundingBox();
    if (box && next && box.x === next.x && box.y === next.y && box.height === next.height) break;
    box = next;
  }
  await entry.click();
}
