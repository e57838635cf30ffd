import path from 'node:path';
import { loadConfig, resolveWardenHome } from '@warden/core';

/** The audit directory in force; a broken policy must not stop anyone from reading the log. */
export async function resolveAuditDir(options: { env: NodeJS.ProcessEnv; dir?: string }): Promise<string> {
  if (options.dir) return path.resolve(options.dir);
  try {
    return (await loadConfig({ env: options.env })).auditDir;
  } catch {
    return path.join(resolveWardenHome({ env: options.env }), 'audit');
  }
}
