import { WardenError } from '@warden/core';

/** A Codex settings file (hooks.json, config.toml) that Warden cannot read or must not change. */
export class CodexConfigFileError extends WardenError {
  readonly file: string;

  constructor(options: { file: string; message: string; cause?: unknown }) {
    super({
      code: 'codex_config_invalid',
      message: `${options.file}: ${options.message} Warden did not change it.`,
      cause: options.cause,
    });
    this.name = 'CodexConfigFileError';
    this.file = options.file;
  }
}
