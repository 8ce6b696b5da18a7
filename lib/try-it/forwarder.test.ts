import { describe, expect, it } from 'vitest';
import { readCapped } from './forwarder';

const streamOf = (...chunks: number[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
  });

describe('readCapped', () => {
  it('reads a body up to the limit', async () => {
    expect((await readCapped(streamOf(3, 4), 7))?.byteLength).toBe(7);
    expect((await readCapped(null, 7))?.byteLength).toBe(0);
  });

  it('stops as soon as the body passes the limit, without reading the rest', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    expect(await readCapped(endless, 4096)).toBeUndefined();
    expect(pulled).toBeLessThan(10);
  });
});
