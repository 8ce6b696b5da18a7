import { Writable } from 'node:stream';

/** One write the handler made to the response stream, with when it arrived. */
export interface StreamWrite {
  at: number;
  bytes: Buffer;
}

/**
 * The `responseStream` Lambda hands a streaming handler (`awslambda.streamifyResponse`):
 * a writable stream with `setContentType`. It keeps every write, with its time, so a test can
 * see what the function URL would have sent and when.
 */
export class ResponseStream extends Writable {
  readonly writes: StreamWrite[] = [];
  contentType?: string;
  readonly finished: Promise<void>;

  constructor() {
    super();
    this.finished = new Promise((resolve, reject) => {
      this.once('finish', resolve);
      this.once('error', reject);
    });
  }

  setContentType(contentType: string): void {
    this.contentType = contentType;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.writes.push({ at: performance.now(), bytes: Buffer.from(chunk) });
    done();
  }
}

/** What the function URL sends the caller, decoded from the stream as Lambda does. */
export interface FunctionUrlAnswer {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
  /** The body's writes after the prelude, as the caller would receive them. */
  bodyWrites: StreamWrite[];
  text(): string;
}

const separator = Buffer.alloc(8);

/**
 * An HTTP integration response stream starts with a JSON prelude (status, headers, cookies)
 * and eight zero bytes; everything after them is the body.
 */
export function decodeHttpIntegrationResponse(stream: ResponseStream): FunctionUrlAnswer {
  if (stream.contentType !== 'application/vnd.awslambda.http-integration-response') {
    throw new Error(`Not an HTTP integration response: content type ${stream.contentType}`);
  }
  const all = Buffer.concat(stream.writes.map((write) => write.bytes));
  const end = all.indexOf(separator);
  if (end < 0) throw new Error('The response stream has no prelude separator');
  const prelude = JSON.parse(all.subarray(0, end).toString('utf8')) as {
    statusCode?: number;
    headers?: Record<string, string>;
    cookies?: string[];
  };
  const body = all.subarray(end + separator.length);
  let offset = 0;
  const bodyWrites: StreamWrite[] = [];
  for (const write of stream.writes) {
    const start = offset;
    offset += write.bytes.length;
    if (offset > end + separator.length && write.bytes.length) {
      const from = Math.max(0, end + separator.length - start);
      bodyWrites.push({ at: write.at, bytes: write.bytes.subarray(from) });
    }
  }
  return {
    statusCode: prelude.statusCode ?? 200,
    headers: prelude.headers ?? {},
    cookies: prelude.cookies ?? [],
    body,
    bodyWrites,
    text: () => body.toString('utf8'),
  };
}
