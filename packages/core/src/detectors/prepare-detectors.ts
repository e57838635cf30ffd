import type { GuardEvent } from '../guard-event.js';
import { textsOf } from './detect-text.js';
import type { DetectorFamily, DetectorPhase, DetectorSettings } from './detectors-settings.js';
import { atrRulesNeeded } from './injection/scan-injection.js';
import { loadDetectorRules } from './load-detector-rules.js';
import { loadPhoneFinder } from './pii/phone-finder.js';
import { secretRulesNeeded } from './secrets/scan-secrets.js';

/** Seven digits in a row (allowing separators): the least a phone number has. */
const PHONE_CANDIDATE = /\d(?:[\s().-]{0,2}\d){6}/;

/**
 * Loads what the detectors load lazily, before the (synchronous) decision, and only what this
 * event's text can need: gitleaks' rules when a text has one of their keywords, agent-threat-rules
 * when its prefilter lets a text through, libphonenumber-js when phone numbers are looked for and a
 * text has a run of digits. A plain tool call loads none of them. Never throws.
 */
export async function prepareDetectors(options: {
  event: GuardEvent;
  settings: DetectorSettings;
}): Promise<void> {
  const { event, settings } = options;
  if (event.phase === 'session') return;
  const phase = event.phase as DetectorPhase;
  const runs = (family: DetectorFamily) =>
    settings[family].enabled && settings[family].actions[phase] !== 'off';
  if (!runs('secrets') && !runs('pii') && !runs('injection')) return;
  const texts = [
    event.prompt,
    event.output,
    ...textsOf(event.tool?.input),
    ...textsOf(event.tool?.response),
  ].filter((text): text is string => text !== undefined && text.length > 0);
  const families: ('secrets' | 'injection')[] = [];
  if (runs('secrets') && texts.some((text) => secretRulesNeeded({ text }))) families.push('secrets');
  if (runs('injection') && texts.some((text) => atrRulesNeeded({ text }))) families.push('injection');
  const loads: Promise<unknown>[] = [];
  if (families.length > 0) loads.push(loadDetectorRules({ families }));
  if (runs('pii') && settings.pii.kinds.includes('phone') && texts.some((text) => PHONE_CANDIDATE.test(text)))
    loads.push(loadPhoneFinder());
  await Promise.all(loads);
}
