const EFFECTS = new Set(['allow', 'ask', 'deny']);
const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const STATES = new Set(['open', 'acknowledged', 'ignored']);

/** Class names come from fixed lists only; the text is escaped like every other value. */
export function EffectBadge(props: { effect: string }) {
  const known = EFFECTS.has(props.effect) ? props.effect : 'unknown';
  return <span class={`badge effect-${known}`}>{props.effect}</span>;
}

export function SeverityBadge(props: { severity: string }) {
  const known = SEVERITIES.has(props.severity) ? props.severity : 'unknown';
  return <span class={`badge sev-${known}`}>{props.severity}</span>;
}

export function StateBadge(props: { state: string }) {
  const known = STATES.has(props.state) ? props.state : 'unknown';
  return <span class={`badge state-${known}`}>{props.state}</span>;
}
