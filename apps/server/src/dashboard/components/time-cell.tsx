import { formatTime } from './format-time.js';

export function Time(props: { iso: string | null | undefined }) {
  if (!props.iso) return <span class="muted">—</span>;
  return <time datetime={props.iso}>{formatTime(props.iso)}</time>;
}
