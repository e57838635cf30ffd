import os from 'node:os';

let hostName: string | undefined;

/**
 * The device's id on the server: `WARDEN_DEVICE_ID`, else the host name (the fleet view keys
 * devices by it, with the agent). A fleet of identically named machines (containers, CI) sets
 * `WARDEN_DEVICE_ID` per machine.
 */
export function resolveDeviceId(options: { env?: NodeJS.ProcessEnv } = {}): string {
  const configured = (options.env ?? process.env).WARDEN_DEVICE_ID?.trim();
  if (configured) return configured;
  hostName ??= os.hostname() || 'unknown';
  return hostName;
}
