/** What `exchangeOverSocket` gives back: the reply's bytes, or why there is none. */
export type SocketExchange = { reply: string } | { failure: 'dead' | 'failed' };

/** libuv's error numbers that mean no one listens (the daemon is gone): ENOENT, ECONNREFUSED. */
const NO_LISTENER = new Set([-2, -111, -61]);
/** libuv's end of stream. */
export const UV_EOF = -4095;

export interface RawBindings {
  Pipe: new (type: number) => RawPipe;
  PipeConnectWrap: new () => { oncomplete?: (status: number) => void };
  pipeSocketType: number;
  WriteWrap: new () => Record<string, unknown>;
  state: Int32Array;
  readBytes: number;
  bufferOffset: number;
}

export interface RawPipe {
  /** Wraps an open descriptor (a socket the process was handed, like stdin). */
  open(descriptor: number): number;
  connect(request: object, address: string): number;
  readStart(): number;
  writeUtf8String(request: object, text: string): number;
  close(): void;
  onread?: (buffer: ArrayBuffer | undefined) => void;
}

/**
 * Node's own pipe handle, without `net` and the streams machinery it loads (4–5 ms of a hook's
 * start-up, a third of what the resident decider saves). These are Node internals: when they are
 * not there as expected, `net` is used instead; an exchange that misbehaves ends at the caller's
 * timeout, and the call is decided in-process.
 */
export function rawBindings(): RawBindings | undefined {
  try {
    // `--pending-deprecation` would print a warning for process.binding into the hook's stderr.
    if (
      process.execArgv.some((arg) => arg.includes('deprecation')) ||
      /deprecation/.test(process.env.NODE_OPTIONS ?? '')
    )
      return undefined;
    const binding = (process as unknown as { binding: (name: string) => Record<string, unknown> }).binding;
    const pipe = binding('pipe_wrap') as Record<string, unknown>;
    const stream = binding('stream_wrap') as Record<string, unknown>;
    const constants = pipe.constants as Record<string, number> | undefined;
    if (
      typeof pipe.Pipe !== 'function' ||
      typeof pipe.PipeConnectWrap !== 'function' ||
      typeof constants?.SOCKET !== 'number' ||
      typeof stream.WriteWrap !== 'function' ||
      !(stream.streamBaseState instanceof Int32Array) ||
      typeof stream.kReadBytesOrError !== 'number' ||
      typeof stream.kArrayBufferOffset !== 'number'
    )
      return undefined;
    return {
      Pipe: pipe.Pipe as RawBindings['Pipe'],
      PipeConnectWrap: pipe.PipeConnectWrap as RawBindings['PipeConnectWrap'],
      pipeSocketType: constants.SOCKET,
      WriteWrap: stream.WriteWrap as RawBindings['WriteWrap'],
      state: stream.streamBaseState,
      readBytes: stream.kReadBytesOrError,
      bufferOffset: stream.kArrayBufferOffset,
    };
  } catch {
    return undefined;
  }
}

/**
 * Connects to a unix socket, writes `request`, and resolves with everything read until the other
 * side ends the stream; `dead` when no one listens, `failed` on any other problem or after
 * `timeoutMs`. Never rejects. The address is used as given at the moment of the call (a bare name
 * resolves against the current directory).
 */
export function exchangeOverSocket(options: {
  address: string;
  request: string;
  timeoutMs: number;
}): Promise<SocketExchange> {
  return new Promise((resolve) => {
    let settled = false;
    let close: () => void = () => {};
    const settle = (result: SocketExchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      close();
      resolve(result);
    };
    const timer = setTimeout(() => settle({ failure: 'failed' }), options.timeoutMs);
    const chunks: Buffer[] = [];
    const raw = rawBindings();
    try {
      if (raw) {
        const handle = new raw.Pipe(raw.pipeSocketType);
        close = () => handle.close();
        const connect = new raw.PipeConnectWrap();
        connect.oncomplete = (status) => {
          if (status < 0) return settle({ failure: NO_LISTENER.has(status) ? 'dead' : 'failed' });
          handle.onread = (buffer) => {
            const read = raw.state[raw.readBytes] ?? UV_EOF;
            if (read > 0 && buffer) {
              chunks.push(Buffer.from(buffer, raw.state[raw.bufferOffset] ?? 0, read));
              return;
            }
            if (read === UV_EOF) settle({ reply: Buffer.concat(chunks).toString('utf8') });
            else if (read < 0) settle({ failure: 'failed' });
          };
          const write = Object.assign(new raw.WriteWrap(), {
            handle,
            oncomplete: (writeStatus: number) => {
              if (writeStatus < 0) settle({ failure: 'failed' });
            },
            async: false,
          });
          if (handle.readStart() < 0 || handle.writeUtf8String(write, options.request) < 0)
            settle({ failure: 'failed' });
        };
        const error = handle.connect(connect, options.address);
        if (error < 0) settle({ failure: NO_LISTENER.has(error) ? 'dead' : 'failed' });
        return;
      }
      const net = process.getBuiltinModule('node:net');
      const connection = net.createConnection(options.address);
      close = () => connection.destroy();
      connection.on('error', (error: NodeJS.ErrnoException) =>
        settle({ failure: error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'dead' : 'failed' }),
      );
      connection.on('data', (chunk: Buffer) => chunks.push(chunk));
      connection.on('end', () => settle({ reply: Buffer.concat(chunks).toString('utf8') }));
      connection.on('close', () => settle({ failure: 'failed' }));
      connection.write(options.request);
    } catch {
      settle({ failure: 'failed' });
    }
  });
}
