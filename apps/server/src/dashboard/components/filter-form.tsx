import type { ParsedEventQuery } from '../event-filter-query.js';

const TEXT_FIELDS: { key: 'agent' | 'device' | 'user' | 'rule' | 'tool' | 'session'; label: string }[] = [
  { key: 'agent', label: 'Agent' },
  { key: 'device', label: 'Device' },
  { key: 'user', label: 'User' },
  { key: 'rule', label: 'Rule' },
  { key: 'tool', label: 'Tool' },
  { key: 'session', label: 'Session' },
];

/** The events filters: a plain GET form, so the URL is the view and can be shared. */
export function FilterForm(props: { values: ParsedEventQuery['values']; action: string }) {
  const v = props.values;
  return (
    <search>
      <form class="filters panel" method="get" action={props.action} aria-label="Filter events">
        <div class="field">
          <label for="f-q">Text</label>
          <input id="f-q" name="q" type="search" value={v.q ?? ''} placeholder="command, path, prompt…" />
        </div>
        <div class="field">
          <label for="f-effect">Effect</label>
          <select id="f-effect" name="effect">
            <option value="">any</option>
            {(['deny', 'ask', 'allow'] as const).map((effect) => (
              <option value={effect} selected={v.effect === effect}>
                {effect}
              </option>
            ))}
          </select>
        </div>
        {TEXT_FIELDS.map((field) => (
          <div class="field">
            <label for={`f-${field.key}`}>{field.label}</label>
            <input id={`f-${field.key}`} name={field.key} type="text" value={v[field.key] ?? ''} />
          </div>
        ))}
        <div class="field">
          <label for="f-since">From (UTC)</label>
          <input id="f-since" name="since" type="datetime-local" value={v.since ?? ''} />
        </div>
        <div class="field">
          <label for="f-until">Until (UTC)</label>
          <input id="f-until" name="until" type="datetime-local" value={v.until ?? ''} />
        </div>
        <div class="field actions">
          <button type="submit">Apply filters</button>
          <a class="button secondary" href={props.action}>
            Clear
          </a>
        </div>
      </form>
    </search>
  );
}
