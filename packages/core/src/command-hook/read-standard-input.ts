import { constants, openSync, readSync } from 'node:fs';
import { AnalysisLimitError } from '../errors.js';
import { rawBindings, UV_EOF } from '../resident/exchange-over-socket.js';

/** Hook inputs carry whole files (Write content, apply_patch); beyond this the input is refused. */
export const MAX_HOOK_INPUT_BYTES = 32 * 1024 * 1024;

function tooLarge(maxBytes: number): AnalysisLimitError {
  return new AnalysisLimitError({
    limit: 'oversized',
    message: `hook input is larger than ${maxBytes} bytes`,
    finding: {
      id: 'input.oversized',
      message: `hook input over ${maxBytes} bytes, not read to its end`,
      subject: 'input',
    },
  });
}

/**
 * Reads a non-blocking descriptor to its end with `readSync`: no libuv thread pool is started
 * (an asynchronous `fs.read` starts four threads on its first call, which a hook pays for on
 * every run). When nothing is there yet (EAGAIN) it polls again shortly through a timer, so the
 * event loop, and with it the hook's deadline, keeps running: a blocking read could not be
 * abandoned at the deadline.
 */
function readDescriptor(descriptor: number, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let buffer = Buffer.allocUnsafe(65_536);
    const next = () => {
      for (;;) {
        let bytesRead: number;
        try {
          bytesRead = readSync(descriptor, buffer, 0, buffer.length, null);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return void setTimeout(next, 1);
          if (code === 'EOF') return resolve(Buffer.concat(chunks).toString('utf8'));
          return reject(error);
        }
        if (bytesRead === 0) return resolve(Buffer.concat(chunks).toString('utf8'));
        size += bytesRead;
        if (size > maxBytes) return reject(tooLarge(maxBytes));
        chunks.push(buffer.subarray(0, bytesRead));
        buffer = Buffer.allocUnsafe(65_536);
      }
    };
    next();
  });
}

/**
 * A socket on stdin (Node agents such as Claude Code hand hooks their input over a socket pair,
 * which /proc cannot reopen) read through Node's own pipe handle: the streams behind
 * `process.stdin` cost a hook 4–5 ms of start-up. Undefined when those internals are not there.
 */
function readSocket(descriptor: number, maxBytes: number): Promise<string> | undefined {
  const raw = rawBindings();
  if (!raw) return undefined;
  let handle: ReturnType<typeof createHandle>;
  const createHandle = () => new raw.Pipe(raw.pipeSocketType);
  try {
    handle = createHandle();
    if (handle.open(descriptor) < 0) {
      handle.close();
      return undefined;
    }
  } catch {
    return undefined;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    handle.onread = (buffer) => {
      const read = raw.state[raw.readBytes] ?? UV_EOF;
      if (read > 0 && buffer) {
        size += read;
        if (size > maxBytes) {
          handle.close();
          reject(tooLarge(maxBytes));
          return;
        }
        chunks.push(Buffer.from(buffer, raw.state[raw.bufferOffset] ?? 0, read));
        return;
      }
      if (read === 0) return;
      handle.close();
      if (read === UV_EOF) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`reading the hook input failed (libuv error ${read})`));
    };
    if (handle.readStart() < 0) {
      handle.close();
      reject(new Error('reading the hook input failed'));
    }
  });
}

/** The stream fallback, for input that cannot be reopened non-blocking (a socket, a non-Linux system). */
function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', reject);
  });
}

/**
 * Reads a command hook's input. Agents hand it over a pipe; on Linux the pipe is reopened through
 * /proc with O_NONBLOCK (a new open file description, so the agent's end is untouched), which
 * also avoids `process.stdin` and the streams machinery it loads (a few ms of start-up).
 */
export function readStandardInput(options: { descriptor?: number; maxBytes?: number } = {}): Promise<string> {
  const descriptor = options.descriptor ?? 0;
  const maxBytes = options.maxBytes ?? MAX_HOOK_INPUT_BYTES;
  if (process.platform === 'linux') {
    let reopened: number | undefined;
    try {
      reopened = openSync(`/proc/self/fd/${descriptor}`, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      // A socket (Node's child_process uses socket pairs) cannot be reopened: use the stream.
    }
    if (reopened !== undefined) return readDescriptor(reopened, maxBytes);
    const socket = readSocket(descriptor, maxBytes);
    if (socket) return socket;
  }
  return readStream(process.stdin, maxBytes);
}
