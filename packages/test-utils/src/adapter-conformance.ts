import { type AdapterV1, guardEventSchema } from '@warden/core';
import { describe, expect, it } from 'vitest';
import { createTestDecision } from './create-test-decision.ts';

export interface AdapterConformanceOptions<TOutput> {
  adapter: AdapterV1<TOutput>;
  /** Real captured hook inputs, by name (`PreToolUse`, `Stop`, ...). */
  samples: Record<string, unknown>;
  /** The name of a sample that is a tool call. */
  toolCallSample: string;
  /** True when the output stops the tool call in this agent. */
  blocks: (output: TOutput) => boolean;
  /** True when the output lets the call go on without approving it on the user's behalf. */
  passesThrough: (output: TOutput) => boolean;
}

const JUNK: unknown[] = [
  null,
  undefined,
  0,
  'text',
  [],
  {},
  { hook_event_name: 42 },
  { hook_event_name: 'PreToolUse' },
  { toString: 1 },
];

/**
 * The suite every adapter runs: whatever the input and whatever the decision, parse and render
 * never throw, events are well-formed, a deny blocks and a default allow approves nothing.
 */
export function describeAdapterConformance<TOutput>(options: AdapterConformanceOptions<TOutput>): void {
  const { adapter } = options;
  const deny = createTestDecision({
    effect: 'deny',
    policyEffect: 'deny',
    ruleId: 'conformance.deny',
    reason: 'Denied by the conformance suite.',
    isDefault: false,
  });
  const failure = createTestDecision({
    effect: 'deny',
    policyEffect: 'deny',
    ruleId: 'warden.failure',
    reason: 'Warden could not evaluate this action.',
    isDefault: false,
    failure: { policy: 'closed', error: 'boom' },
  });

  describe(`adapter conformance: ${adapter.id}`, () => {
    it('declares the v1 contract', () => {
      expect(adapter.specificationVersion).toBe('v1');
      expect(adapter.id).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('parses every captured sample into a valid GuardEvent of its own agent', () => {
      for (const [name, sample] of Object.entries(options.samples)) {
        const result = adapter.parse(sample);
        expect(result.success, name).toBe(true);
        if (!result.success) continue;
        expect(guardEventSchema.safeParse(result.event).success, name).toBe(true);
        expect(result.event.agent, name).toBe(adapter.id);
      }
    });

    it('returns a failure, never an exception, for junk input', () => {
      for (const junk of JUNK) {
        const result = adapter.parse(junk);
        expect(result.success, JSON.stringify(junk)).toBe(false);
      }
    });

    it('renders any decision for any event without throwing', () => {
      const hookEvents = new Set(['unknown', 'NoSuchEvent']);
      for (const sample of Object.values(options.samples)) {
        const parsed = adapter.parse(sample);
        if (parsed.success) hookEvents.add(parsed.event.hookEvent);
      }
      for (const hookEvent of hookEvents) {
        for (const effect of ['allow', 'ask', 'deny'] as const) {
          expect(() =>
            adapter.render({
              hookEvent,
              decision: createTestDecision({ effect, policyEffect: effect, isDefault: false }),
            }),
          ).not.toThrow();
        }
        expect(() => adapter.render({ hookEvent, decision: failure })).not.toThrow();
      }
    });

    it('blocks a tool call on deny and on a closed failure, and approves nothing by default', () => {
      const parsed = adapter.parse(options.samples[options.toolCallSample]);
      if (!parsed.success) throw parsed.error;
      const { event } = parsed;
      expect(options.blocks(adapter.render({ hookEvent: event.hookEvent, decision: deny, event }))).toBe(
        true,
      );
      expect(options.blocks(adapter.render({ hookEvent: event.hookEvent, decision: failure, event }))).toBe(
        true,
      );
      expect(
        options.passesThrough(
          adapter.render({ hookEvent: event.hookEvent, decision: createTestDecision({}), event }),
        ),
      ).toBe(true);
      const observed = createTestDecision({
        effect: 'allow',
        policyEffect: 'deny',
        mode: 'observe',
        isDefault: false,
        ruleId: 'x',
      });
      expect(
        options.passesThrough(adapter.render({ hookEvent: event.hookEvent, decision: observed, event })),
      ).toBe(true);
    });
  });
}
