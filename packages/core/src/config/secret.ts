/**
 * A credential that does not leak by accident: it prints, logs and serialises as `[REDACTED]`;
 * only `reveal()` gives the value, and only the HTTP client calls it, to set a header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[REDACTED]';
  }

  toJSON(): string {
    return '[REDACTED]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[REDACTED]';
  }
}
