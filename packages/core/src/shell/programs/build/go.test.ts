import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('build/go', () => {
  it('names the go subcommand', () => {
    expect(describeLine('go test ./... -run TestParse').subcommand).toBe('test');
  });
  itDecides([
    { command: 'go test ./... -run TestParse', effect: 'allow' },
    { command: 'go build -o bin/app ./cmd/app', effect: 'allow' },
  ]);
});
