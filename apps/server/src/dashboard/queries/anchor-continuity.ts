import type { Store } from '../../store/store.js';

export interface AnchorContinuity {
  seq: number;
  hash: string;
  /** The server holds an anchor at this seq with the same hash. */
  matches: boolean;
  /** The anchor before it (seq - 1) is on the server; false also when seq is the chain's first. */
  previous: 'present' | 'missing' | 'start';
  next: 'present' | 'missing' | 'latest';
}

/**
 * Whether the device's chain is continuous around one event: the server's anchors at seq - 1,
 * seq and seq + 1, read with one bounded range query.
 */
export async function anchorContinuity(options: {
  store: Store;
  tenantId: string;
  device: string;
  seq: number;
  hash: string;
}): Promise<AnchorContinuity> {
  const anchors = await options.store.listAnchors({
    tenantId: options.tenantId,
    device: options.device,
    after: options.seq - 2,
    limit: 3,
  });
  const bySeq = new Map(anchors.map((anchor) => [anchor.seq, anchor]));
  const own = bySeq.get(options.seq);
  const later = await options.store.listAnchors({
    tenantId: options.tenantId,
    device: options.device,
    after: options.seq,
    limit: 1,
  });
  return {
    seq: options.seq,
    hash: options.hash,
    matches: own?.hash === options.hash,
    previous: options.seq <= 1 ? 'start' : bySeq.has(options.seq - 1) ? 'present' : 'missing',
    next: bySeq.has(options.seq + 1) ? 'present' : later.length === 0 ? 'latest' : 'missing',
  };
}
