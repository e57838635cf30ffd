const marker = Symbol.for('warden.error');

/**
 * Base class of every error Warden raises. `WardenError.isInstance()` works across
 * bundled copies of the package, where `instanceof` would not.
 */
export class WardenError extends Error {
  readonly [marker] = true;
  readonly code: string;

  constructor(options: { code: string; message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'WardenError';
    this.code = options.code;
  }

  static isInstance(value: unknown): value is WardenError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** A policy or config file that cannot be read or does not validate. */
export class PolicyError extends WardenError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly ruleId: string | undefined;

  constructor(options: { message: string; file?: string; line?: number; ruleId?: string; cause?: unknown }) {
    const where = [
      options.file ? `${options.file}${options.line ? `:${options.line}` : ''}` : undefined,
      options.ruleId ? `rule "${options.ruleId}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super({
      code: 'policy_invalid',
      message: where ? `${where}: ${options.message}` : options.message,
      cause: options.cause,
    });
    this.name = 'PolicyError';
    this.file = options.file;
    this.line = options.line;
    this.ruleId = options.ruleId;
  }
}

/** Warden's own configuration (environment or config.yaml) is invalid. */
export class ConfigError extends WardenError {
  readonly source: string;

  constructor(options: { message: string; source: string; cause?: unknown }) {
    super({ code: 'config_invalid', message: `${options.source}: ${options.message}`, cause: options.cause });
    this.name = 'ConfigError';
    this.source = options.source;
  }
}

/** A hook input that does not match the agent's contract. */
export class InvalidInputError extends WardenError {
  constructor(options: { message: string; cause?: unknown }) {
    super({ code: 'input_invalid', message: options.message, cause: options.cause });
    this.name = 'InvalidInputError';
  }
}

/** A network call (ingestion, remote evaluation) that failed. */
export class TransportError extends WardenError {
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;

  constructor(options: { message: string; statusCode?: number; isRetryable: boolean; cause?: unknown }) {
    super({ code: 'transport_failed', message: options.message, cause: options.cause });
    this.name = 'TransportError';
    this.statusCode = options.statusCode;
    this.isRetryable = options.isRetryable;
  }
}

/**
 * The analysis was cut off: the hook's deadline came first (`deadline`), or the input is too large
 * to analyse within one (`oversized`). The failure policy answers; `finding` is recorded with it.
 */
export class AnalysisLimitError extends WardenError {
  readonly limit: 'deadline' | 'oversized';
  readonly finding: { id: string; message: string; subject?: string };

  constructor(options: {
    limit: 'deadline' | 'oversized';
    message: string;
    finding: { id: string; message: string; subject?: string };
  }) {
    super({
      code: options.limit === 'deadline' ? 'deadline_exceeded' : 'input_oversized',
      message: options.message,
    });
    this.name = 'AnalysisLimitError';
    this.limit = options.limit;
    this.finding = options.finding;
  }
}

/** Warden's home, a policy or the config is not private to the user (ssh's rule), so it is not used. */
export class UnsafePathError extends WardenError {
  readonly path: string;

  constructor(options: { message: string; path: string }) {
    super({ code: 'unsafe_path', message: options.message });
    this.name = 'UnsafePathError';
    this.path = options.path;
  }
}
