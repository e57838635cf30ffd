import type { AdapterV1 } from '../../adapter.js';
import type { Decision } from '../../decision.js';
import { InvalidInputError } from '../../errors.js';
import type { GuardEvent } from '../../guard-event.js';

/** An adapter for core's own tests: the input is already a GuardEvent; the output is the decision. */
export const testAdapter: AdapterV1<Decision> = {
  specificationVersion: 'v1',
  id: 'claude-code',
  parse(input) {
    if (typeof input === 'object' && input !== null && typeof (input as GuardEvent).id === 'string') {
      return { success: true, event: input as GuardEvent };
    }
    return { success: false, error: new InvalidInputError({ message: 'not a GuardEvent' }) };
  },
  render({ decision }) {
    return decision;
  },
};
