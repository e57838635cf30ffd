import type { GuardEvent } from '../guard-event.js';
import { textsOf } from './detect-text.js';
import type { DetectorSettings } from './detectors-settings.js';
import { loadPhoneFinder } from './pii/phone-finder.js';

/** Seven digits in a row (allowing separators): the least a phone number has. */
const PHONE_CANDIDATE = /\d(?:[\s().-]{0,2}\d){6}/;

/**
 * Loads what the detectors load lazily, before the (synchronous) decision: libphonenumber-js,
 * only when phone numbers are looked for and the event's text has a run of digits. Never throws.
 */
export async function prepareDetectors(options: {
  event: GuardEvent;
  settings: DetectorSettings;
}): Promise<void> {
  const { event, settings } = options;
  if (!settings.pii.enabled || !settings.pii.kinds.includes('phone') || event.phase === 'session') return;
  if (settings.pii.actions[event.phase] === 'off') return;
  const texts = [event.prompt, event.output, ...textsOf(event.tool?.input), ...textsOf(event.tool?.response)];
  if (texts.some((text) => text !== undefined && PHONE_CANDIDATE.test(text))) await loadPhoneFinder();
}
