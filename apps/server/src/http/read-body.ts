import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gunzip = promisify(zlib.gunzip);

export type ReadBodyResult =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 413 | 415; code: string; message: string };

/**
 * Reads a request body up to `maxBytes`, before and after gzip decompression: a body or a gzip
 * bomb that grows past the limit is cut off there (413) and nothing of it is used.
 */
export async function readBody(options: { request: Request; maxBytes: number }): Promise<ReadBodyResult> {
  const { request, maxBytes } = options;
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    code: 'payload_too_large',
    message: `The request body is larger than ${maxBytes} bytes; send smaller batches.`,
  };
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip')
    return {
      ok: false,
      status: 415,
      code: 'unsupported_encoding',
      message: `Content-Encoding "${encoding}" is not supported; use gzip or none.`,
    };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          return tooLarge;
        }
        chunks.push(value);
      }
    } catch {
      return {
        ok: false,
        status: 400,
        code: 'body_unreadable',
        message: 'The request body could not be read (connection closed early?).',
      };
    }
  }
  let buffer = Buffer.concat(chunks, size);
  if (encoding === 'gzip') {
    try {
      buffer = await gunzip(buffer, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
        return tooLarge;
      return {
        ok: false,
        status: 400,
        code: 'invalid_gzip',
        message: 'The gzip body is corrupt or truncated.',
      };
    }
  }
  return { ok: true, text: buffer.toString('utf8') };
}

/** JSON.parse that reports instead of throwing (the value is then checked with a zod schema). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}
