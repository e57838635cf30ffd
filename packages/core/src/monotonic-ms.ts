/**
 * Milliseconds on a monotonic clock, for measuring durations. Not `performance.now()`: the first
 * use of the `performance` global loads Node's perf_hooks modules (about 1.5 ms), which a command
 * hook would pay for on every tool call.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
