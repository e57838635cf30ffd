import { createHash } from 'node:crypto';
import type { DecideConfig, Policy } from '@warden/core';
import type { OrgPolicyRecord, Store, SuspensionRecord } from '../store/store.js';
import { compileOrgPolicy } from './validate-org-policy.js';

export interface DeviceOrgPolicy {
  record: OrgPolicyRecord | undefined;
  suspension: SuspensionRecord | undefined;
  /** Changes whenever the policy or the device's suspension changes. */
  etag: string;
}

/**
 * The org policy per tenant, compiled once per policy ETag. Reads go to the database each time
 * (another instance may have changed it); only the compiled form is cached.
 */
export class OrgPolicyCache {
  readonly #store: Store;
  readonly #compiled = new Map<string, { etag: string; config: DecideConfig }>();

  constructor(options: { store: Store }) {
    this.#store = options.store;
  }

  async forDevice(options: { tenantId: string; device: string }): Promise<DeviceOrgPolicy> {
    const [record, suspension] = await Promise.all([
      this.#store.getOrgPolicy({ tenantId: options.tenantId }),
      this.#store.findSuspension(options),
    ]);
    const etag = createHash('sha256')
      .update(
        JSON.stringify([
          record?.etag ?? null,
          suspension ? [suspension.scope, suspension.reason, suspension.since] : null,
        ]),
      )
      .digest('base64url')
      .slice(0, 22);
    return { record, suspension, etag: `"${etag}"` };
  }

  config(options: { tenantId: string; record: OrgPolicyRecord }): DecideConfig {
    const cached = this.#compiled.get(options.tenantId);
    if (cached && cached.etag === options.record.etag) return cached.config;
    const config = compileOrgPolicy({ policy: options.record.policy as Policy });
    this.#compiled.set(options.tenantId, { etag: options.record.etag, config });
    return config;
  }
}
