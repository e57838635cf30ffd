import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/make-event.js';
import { chromiumAvailable, launchChromium } from './testing/launch-chromium.js';
import { readFixture, runClaudeCodeHook } from './testing/run-claude-code-hook.js';
import { type DashboardFixture, startDashboardFixture } from './testing/start-dashboard-fixture.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const DEVICE = 'browser-test-laptop';
const LONG_LINE = 'A'.repeat(5000);
const HOSTILE_PROMPT = `<script>window.__pwned = 1; alert(1)</script><img src=x onerror="window.__pwned = 2; alert(2)"> \u202Egnp.exe\u200B hidden ${LONG_LINE}`;

const run = chromiumAvailable();

async function signIn(page: Page, fixture: DashboardFixture, token: string): Promise<void> {
  await page.goto(`${fixture.url}/denials`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/denials$/);
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Accessibility basics every page must pass: one h1, landmarks, every control labelled, tables with headers. */
async function checkAccessibility(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll('input, select, textarea')).filter(
      (element) => (element as HTMLInputElement).type !== 'hidden',
    ) as HTMLInputElement[];
    return {
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main').length,
      unlabelled: controls
        .filter((control) => (control.labels?.length ?? 0) === 0 && !control.getAttribute('aria-label'))
        .map((control) => control.outerHTML),
      tablesWithoutHeaders: Array.from(document.querySelectorAll('table')).filter(
        (table) => table.querySelectorAll('th').length === 0,
      ).length,
      unnamedButtons: Array.from(document.querySelectorAll('button')).filter(
        (button) => !button.textContent?.trim(),
      ).length,
    };
  });
  expect(report).toEqual({ h1: 1, main: 1, unlabelled: [], tablesWithoutHeaders: 0, unnamedButtons: 0 });
}

describe.runIf(run)('dashboard in Chromium', () => {
  let fixture: DashboardFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  let home: string;
  let denyEventId: string;
  const dialogs: string[] = [];
  /** Console errors: a CSP violation (htmx or uPlot needing inline code) shows up here. */
  const consoleErrors: string[] = [];
  const sessionId = `browser-${Date.now()}`;
  const hostile = makeEvent({
    session: 'hostile-session',
    phase: 'prompt',
    hookEvent: 'UserPromptSubmit',
    prompt: HOSTILE_PROMPT,
    tool: undefined,
    actions: [],
    device: 'attacker-box',
    decision: {
      effect: 'ask',
      policyEffect: 'ask',
      ruleId: '<b>rule</b>',
      reason: '<script>alert(3)</script>',
      mode: 'enforce',
      findings: [],
    },
  });

  beforeAll(async () => {
    fixture = await startDashboardFixture();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-hook-home-'));
    // A real Claude Code hook run: the prompt, then `rm -rf ~`, which the recommended pack denies.
    const prompt = {
      ...readFixture('claude-code-UserPromptSubmit.json'),
      session_id: sessionId,
      prompt: 'clean up my home',
    };
    await runClaudeCodeHook({
      input: prompt,
      home,
      serverUrl: fixture.url,
      token: fixture.tokens.device,
      device: DEVICE,
    });
    const pre = readFixture('claude-code-PreToolUse.json');
    const hook = await runClaudeCodeHook({
      input: { ...pre, session_id: sessionId, tool_input: { command: 'rm -rf ~', description: 'clean up' } },
      home,
      serverUrl: fixture.url,
      token: fixture.tokens.device,
      device: DEVICE,
    });
    expect(hook.stdout).toContain('"permissionDecision":"deny"');
    const stored = await fixture.server.store.listEvents({
      tenantId: fixture.tenantId,
      filter: { session: sessionId, effect: 'deny' },
      limit: 5,
    });
    expect(stored.events).toHaveLength(1);
    denyEventId = stored.events[0]!.id;

    const response = await fetch(`${fixture.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fixture.tokens.device}`, 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, events: [hostile] }),
    });
    expect(response.status).toBe(200);

    browser = await launchChromium();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' && !/favicon/.test(message.location().url))
        consoleErrors.push(message.text());
    });
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('signs in with an admin token and shows the denial the hook produced in the inbox', async () => {
    await page.goto(`${fixture.url}/login`);
    await checkAccessibility(page);
    await screenshot(page, 'login');
    await signIn(page, fixture, fixture.tokens.admin);
    const row = page.locator('#denial-groups tbody tr', { hasText: DEVICE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('claude-code');
    await checkAccessibility(page);
    await screenshot(page, 'denials');
  });

  it('opens the denial, then its session timeline in order', async () => {
    await page.goto(`${fixture.url}/denials`);
    await page.locator('#denial-groups tbody tr', { hasText: DEVICE }).locator('td time').nth(1).click();
    await page.waitForURL(new RegExp(`/events/${denyEventId}$`));
    expect(await page.locator('main').textContent()).toContain('rm -rf ~');
    await checkAccessibility(page);
    await screenshot(page, 'event-detail');
    await page.getByRole('link', { name: sessionId }).click();
    await page.waitForURL(new RegExp(`/sessions/${sessionId}$`));
    const steps = await page.locator('ol.timeline > li .step-head strong').allTextContents();
    expect(steps.indexOf('Prompt')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('Tool call')).toBeGreaterThan(steps.indexOf('Prompt'));
    expect(await page.locator('ol.timeline').textContent()).toContain('rm -rf ~');
    await checkAccessibility(page);
    await screenshot(page, 'session');
  });

  it('triages the group: acknowledged, with who and when', async () => {
    await page.goto(`${fixture.url}/denials`);
    const row = page.locator('#denial-groups tbody tr', { hasText: DEVICE });
    await row.getByRole('button', { name: /^Acknowledge / }).click();
    await page.waitForURL(/done=1/);
    expect(await page.locator('#denial-groups tbody tr', { hasText: DEVICE }).count()).toBe(0);
    await page.getByRole('link', { name: 'acknowledged' }).click();
    const acknowledged = page.locator('#denial-groups tbody tr', { hasText: DEVICE });
    expect(await acknowledged.textContent()).toMatch(/acknowledged\s*by WARDEN_ADMIN_TOKEN/);
  });

  it('refreshes the inbox in place (htmx) when a new denial arrives', async () => {
    await page.goto(`${fixture.url}/denials`);
    const live = makeEvent({
      device: 'live-device',
      decision: {
        effect: 'deny',
        policyEffect: 'deny',
        ruleId: 'live.rule',
        reason: 'live',
        mode: 'enforce',
        findings: [],
      },
    });
    const response = await fetch(`${fixture.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fixture.tokens.device}`, 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, events: [live] }),
    });
    expect(response.status).toBe(200);
    const marker = await page.evaluate(() => {
      (window as unknown as { __samePage: boolean }).__samePage = true;
      (window as unknown as { htmx: { trigger(selector: string, event: string): void } }).htmx.trigger(
        '#denials-live',
        'warden:refresh',
      );
      return true;
    });
    expect(marker).toBe(true);
    await expect
      .poll(() => page.locator('#denial-groups tbody tr', { hasText: 'live-device' }).count())
      .toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });

  it('filters events from the form, keeping the filters in the URL', async () => {
    await page.goto(`${fixture.url}/events`);
    await page.getByLabel('Effect').selectOption('deny');
    await page.getByLabel('Device').fill(DEVICE);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/effect=deny/);
    expect(new URL(page.url()).searchParams.get('device')).toBe(DEVICE);
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('rm -rf ~');
    await checkAccessibility(page);
    await screenshot(page, 'events');
  });

  it('exports exactly the filtered events as CSV and NDJSON', async () => {
    await page.goto(`${fixture.url}/events?effect=deny&device=${DEVICE}`);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs
      .readFileSync((await csvDownload.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/^id,ts,agent,device/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(denyEventId);
    const [ndjsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export NDJSON' }).click(),
    ]);
    const lines = fs
      .readFileSync((await ndjsonDownload.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([denyEventId]);
  });

  it('shows a hostile event inert: no dialog, no injected element, the text visible', async () => {
    for (const url of [
      `/events/${hostile.id}`,
      '/sessions/hostile-session',
      '/events?session=hostile-session',
      '/denials?state=all',
    ]) {
      await page.goto(`${fixture.url}${url}`);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
        injectedImages: document.querySelectorAll('img').length,
        inlineScripts: Array.from(document.scripts).filter((script) => !script.src).length,
        bold: document.querySelectorAll('main b').length,
        width: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(state, url).toMatchObject({ pwned: 0, injectedImages: 0, inlineScripts: 0, bold: 0 });
      // A 5,000-character line wraps instead of stretching the page.
      expect(state.width, url).toBeLessThanOrEqual(state.viewport);
    }
    await page.goto(`${fixture.url}/events/${hostile.id}`);
    await expect
      .poll(() => page.getByText('<script>window.__pwned = 1; alert(1)</script>').first().isVisible())
      .toBe(true);
    expect(await page.locator('main').textContent()).toContain('⟨U+202E⟩gnp.exe⟨U+200B⟩');
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile-event');
  });

  it('rejects a POST without the CSRF token', async () => {
    await page.goto(`${fixture.url}/denials`);
    const status = await page.evaluate(async () => {
      const response = await fetch('/denials/triage', {
        method: 'POST',
        body: new URLSearchParams({ rule: 'x', device: 'y', agent: 'z', state: 'ignored' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
  });

  it('moves through the page by keyboard with a visible focus, skip link first', async () => {
    await page.goto(`${fixture.url}/fleet`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
    expect(first).toEqual({ text: 'Skip to content', outline: 'solid' });
    const reached: string[] = [];
    for (let i = 0; i < 15 && reached.at(-1) !== 'Events'; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toEqual(['Warden', 'Overview', 'Denials', 'Events']);
    await Promise.all([page.waitForURL(/\/events$/), page.keyboard.press('Enter')]);
    await checkAccessibility(page);
    await page.goto(`${fixture.url}/fleet`);
    await checkAccessibility(page);
    expect(await page.locator('main').textContent()).toContain(DEVICE);
    await screenshot(page, 'fleet');
    await page.goto(`${fixture.url}/`);
    await checkAccessibility(page);
    // The chart is drawn from the table by the dashboard's own script, inside the CSP.
    await expect.poll(() => page.locator('.chart canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'overview');
    await page.goto(`${fixture.url}/settings`);
    await checkAccessibility(page);
    await screenshot(page, 'settings');
  });

  it('uploads an org policy, then drafts an exception to its rule as a diff that an admin applies', async () => {
    await page.goto(`${fixture.url}/settings`);
    await page
      .getByLabel('Org policy (YAML or JSON)')
      .fill(
        'rules:\n  - id: no-curl\n    effect: deny\n    actions: [shell.exec]\n    when:\n      programs: [curl]\n    reason: No curl.\n',
      );
    await page.getByRole('button', { name: 'Validate and apply' }).click();
    await page.waitForURL(/done=policy/);
    expect(await page.getByRole('status').textContent()).toContain('Org policy saved');

    // The device fetches the org policy on its next delivery, then its hook denies curl by the org rule.
    const pre = readFixture('claude-code-PreToolUse.json');
    const run = (command: string) =>
      runClaudeCodeHook({
        input: { ...pre, session_id: sessionId, tool_input: { command, description: 'x' } },
        home,
        serverUrl: fixture.url,
        token: fixture.tokens.device,
        device: DEVICE,
      });
    await run('ls');
    expect((await run('curl https://example.com/install.sh')).stdout).toContain(
      '"permissionDecision":"deny"',
    );

    await page.goto(`${fixture.url}/denials`);
    const row = page.locator('#denial-groups tbody tr', { hasText: 'org:no-curl' });
    await row.getByRole('link', { name: 'Draft an exception' }).click();
    const diff = page.locator('section.diff');
    expect(await diff.locator('.add').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unless:'),
        expect.stringContaining('^curl https://example\\.com/install\\.sh$'),
      ]),
    );
    await checkAccessibility(page);
    await screenshot(page, 'exception-draft');
    // Nothing is applied until the admin submits the reviewed text.
    const before = await fixture.server.store.getOrgPolicy({ tenantId: fixture.tenantId });
    expect(before?.yaml).not.toContain('unless');
    await page.getByRole('button', { name: 'Validate and apply this policy' }).click();
    await page.waitForURL(/done=policy/);
    const after = await fixture.server.store.getOrgPolicy({ tenantId: fixture.tenantId });
    expect(after?.yaml).toContain('unless:');
  });

  it('shows a policy upload error on its line', async () => {
    await page.goto(`${fixture.url}/settings`);
    await page
      .getByLabel('Org policy (YAML or JSON)')
      .fill('rules:\n  - id: bad\n    effect: maybe\n    reason: x\n');
    await page.getByRole('button', { name: 'Validate and apply' }).click();
    expect(await page.locator('#policy-error').textContent()).toMatch(/^Line 3: /);
    expect(await page.locator('.line-error').textContent()).toContain('effect: maybe');
  });

  it('breaks no Content-Security-Policy rule on any page (htmx and uPlot included)', () => {
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
  });

  it('lets a viewer read but not change anything', async () => {
    const viewerContext = await context.browser()?.newContext();
    const viewer = viewerContext ? await viewerContext.newPage() : await context.newPage();
    await context.clearCookies();
    await signIn(viewer, fixture, fixture.tokens.viewer);
    await viewer.goto(`${fixture.url}/denials?state=all`);
    expect(await viewer.getByRole('button', { name: /^Acknowledge|^Ignore|^Reopen/ }).count()).toBe(0);
    const status = await viewer.evaluate(async () => {
      const csrf = (document.querySelector('input[name=csrf]') as HTMLInputElement).value;
      const response = await fetch('/settings/suspend', {
        method: 'POST',
        body: new URLSearchParams({ csrf, reason: 'viewer tries' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    expect(await fixture.server.store.listSuspensions({ tenantId: fixture.tenantId })).toEqual([]);
    await viewer.close();
  });
});
