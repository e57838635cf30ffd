import { createHash } from 'node:crypto';
import { PolicyError, parsePolicy } from '@warden/core';
import type { Context, Hono } from 'hono';
import * as yaml from 'yaml';
import { generateToken } from '../../auth/token.js';
import { validateOrgPolicy } from '../../policy/validate-org-policy.js';
import type { Role, Store } from '../../store/store.js';
import type { DashboardEnv } from '../index.js';
import { renderPage } from '../index.js';
import { type PolicyUploadError, SettingsPage } from '../pages/settings-page.js';

const ROLES: Role[] = ['device', 'viewer', 'admin'];
const MAX_POLICY_BYTES = 512 * 1024;

type SettingsExtras = Partial<
  Pick<Parameters<typeof SettingsPage>[0], 'newToken' | 'notice' | 'error' | 'policyError'>
>;

/** Checks an uploaded org policy exactly as PUT /v1/policy does; parse errors keep the line they are on. */
export function checkUploadedPolicy(text: string): { policy: unknown } | { error: PolicyUploadError } {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    return { error: { message: 'The policy is larger than 512 KiB.', text: '' } };
  }
  if (text.trim() === '') return { error: { message: 'The policy is empty.', text } };
  try {
    // Core's parser first: its error carries the line, which the page marks.
    parsePolicy({ text, file: 'org-policy.yaml', yaml });
    // Then the server's own check (the same as PUT /v1/policy), which also compiles the rules.
    const checked = validateOrgPolicy({ text });
    if (!checked.ok) return { error: { message: checked.message, text } };
    return { policy: checked.policy };
  } catch (error) {
    if (error instanceof PolicyError) {
      return {
        error: { message: error.message.replace(/^org-policy\.yaml(:\d+)?: /, ''), line: error.line, text },
      };
    }
    return { error: { message: error instanceof Error ? error.message : String(error), text } };
  }
}

/** The same ETag as PUT /v1/policy gives the same text. */
export function policyEtag(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** `/settings`: tokens, retention, org policy and the kill switch. Every POST is admin-only (checked before). */
export function registerSettingsRoutes(options: {
  app: Hono<DashboardEnv>;
  store: Store;
  now: () => Date;
  defaultSilentAfterSeconds: number;
}): void {
  const { app, store } = options;

  async function show(c: Context<DashboardEnv>, extras: SettingsExtras = {}, status: 200 | 400 = 200) {
    const user = c.get('user');
    const tenantId = user.tenantId;
    const [tokens, settings, orgPolicy, suspensions] = await Promise.all([
      store.listTokens({ tenantId }),
      store.getSettings({ tenantId }),
      store.getOrgPolicy({ tenantId }),
      store.listSuspensions({ tenantId }),
    ]);
    const notices: Record<string, string> = {
      revoked: 'Token revoked.',
      retention: 'Retention and silence settings saved.',
      policy: 'Org policy saved: devices pick it up at their next refresh.',
      suspended: 'Suspended.',
      resumed: 'Resumed.',
    };
    return renderPage(
      c,
      <SettingsPage
        user={user}
        csrfToken={c.get('csrfToken')}
        tokens={tokens}
        settings={settings}
        defaultSilentAfterSeconds={options.defaultSilentAfterSeconds}
        orgPolicy={orgPolicy}
        suspensions={suspensions}
        notice={extras.notice ?? notices[c.req.query('done') ?? '']}
        suspendDevice={c.req.query('device')?.slice(0, 200)}
        {...extras}
      />,
      status,
    );
  }

  const field = async (c: Context<DashboardEnv>, name: string): Promise<string> => {
    const value = (await c.req.parseBody())[name];
    return typeof value === 'string' ? value.trim() : '';
  };

  app.get('/settings', (c) => show(c));

  app.post('/settings/tokens', async (c) => {
    const name = await field(c, 'name');
    const role = (await field(c, 'role')) as Role;
    if (!name || name.length > 100)
      return show(c, { error: 'Give the token a name of at most 100 characters.' }, 400);
    if (!ROLES.includes(role)) return show(c, { error: 'Choose device, viewer or admin.' }, 400);
    const generated = generateToken();
    await store.createToken({
      tenantId: c.get('user').tenantId,
      role,
      name,
      prefix: generated.prefix,
      hash: generated.hash,
    });
    return show(c, { newToken: { token: generated.token, name, role } });
  });

  app.post('/settings/tokens/revoke', async (c) => {
    const revoked = await store.revokeToken({
      tenantId: c.get('user').tenantId,
      idOrPrefix: await field(c, 'id'),
    });
    if (revoked === 0) return show(c, { error: 'No such token in this tenant.' }, 400);
    return c.redirect('/settings?done=revoked', 303);
  });

  app.post('/settings/retention', async (c) => {
    const retentionText = await field(c, 'retentionDays');
    const silentText = await field(c, 'silentAfterMinutes');
    const retentionDays = retentionText === '' ? null : Number(retentionText);
    const silentMinutes = silentText === '' ? null : Number(silentText);
    if (
      retentionDays !== null &&
      (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 36500)
    ) {
      return show(
        c,
        { error: 'Retention is a whole number of days between 1 and 36500, or empty to keep everything.' },
        400,
      );
    }
    if (
      silentMinutes !== null &&
      (!Number.isInteger(silentMinutes) || silentMinutes < 1 || silentMinutes > 525600)
    ) {
      return show(
        c,
        { error: 'The silence threshold is a whole number of minutes between 1 and 525600.' },
        400,
      );
    }
    await store.putSettings({
      tenantId: c.get('user').tenantId,
      retentionDays,
      silentAfterSeconds: silentMinutes === null ? null : silentMinutes * 60,
    });
    return c.redirect('/settings?done=retention', 303);
  });

  app.post('/settings/policy', async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    const text =
      file instanceof File && file.size > 0
        ? await file.text()
        : typeof body.yaml === 'string'
          ? body.yaml
          : '';
    const normalized = text.replace(/\r\n/g, '\n');
    const result = checkUploadedPolicy(normalized);
    if ('error' in result) return show(c, { policyError: result.error }, 400);
    const user = c.get('user');
    await store.putOrgPolicy({
      tenantId: user.tenantId,
      yaml: normalized,
      policy: result.policy,
      etag: policyEtag(normalized),
      updatedBy: user.name,
      at: options.now().toISOString(),
    });
    return c.redirect('/settings?done=policy', 303);
  });

  app.post('/settings/suspend', async (c) => {
    const device = await field(c, 'device');
    const reason = (await field(c, 'reason')) || 'suspended by an admin';
    const user = c.get('user');
    await store.suspend({
      tenantId: user.tenantId,
      ...(device ? { device } : {}),
      reason: reason.slice(0, 500),
      by: user.name,
      at: options.now().toISOString(),
    });
    return c.redirect((await field(c, 'back')) === '/fleet' ? '/fleet' : '/settings?done=suspended', 303);
  });

  app.post('/settings/resume', async (c) => {
    const device = await field(c, 'device');
    await store.resume({ tenantId: c.get('user').tenantId, ...(device ? { device } : {}) });
    return c.redirect((await field(c, 'back')) === '/fleet' ? '/fleet' : '/settings?done=resumed', 303);
  });
}
