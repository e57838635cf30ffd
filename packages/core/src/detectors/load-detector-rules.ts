import { provideAtrRules } from './injection/scan-injection.js';
import { provideGitleaksRules } from './secrets/scan-secrets.js';

let secretsLoaded = false;
let injectionLoaded = false;

/**
 * Loads the external rule sets: gitleaks' secret rules and agent-threat-rules' enforce lane. Each
 * is a chunk of its own (in the hook bundles, a `lazy-*.cjs` file), so a hook whose text cannot
 * match them never reads or compiles them; `prepareDetectors` calls this only when the keyword
 * prefilter hits. Library callers that scan text themselves call it once before scanning; until
 * then only Warden's own patterns run. Resolves false when a rule set cannot be loaded (never throws).
 */
export async function loadDetectorRules(
  options: { families?: readonly ('secrets' | 'injection')[] } = {},
): Promise<boolean> {
  const families = options.families ?? ['secrets', 'injection'];
  let ok = true;
  if (families.includes('secrets') && !secretsLoaded) {
    try {
      const module = await import('./secrets/gitleaks-rules.generated.js');
      provideGitleaksRules(module.gitleaksData());
      secretsLoaded = true;
    } catch {
      ok = false;
    }
  }
  if (families.includes('injection') && !injectionLoaded) {
    try {
      const module = await import('./injection/atr-rules.generated.js');
      provideAtrRules(module.atrRules());
      injectionLoaded = true;
    } catch {
      ok = false;
    }
  }
  return ok;
}
