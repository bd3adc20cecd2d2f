/**
 * Runs `start` on the items of an async iterable with up to `window` of them in flight, and
 * yields the results in the items' order. File reads go through libuv's thread pool one round
 * trip at a time; keeping several in flight lets the pool's threads overlap them while memory
 * stays bounded by the window. `weight` (e.g. bytes) caps the work in flight as well: a new item
 * starts only while the weights in flight stay under `maxWeight` (one item always runs).
 */
export async function* readAhead<T, R>(
  items: AsyncIterable<T>,
  start: (item: T) => Promise<R>,
  options: { window: number; weight?: (item: T) => number; maxWeight?: number },
): AsyncGenerator<R> {
  const weightOf = options.weight ?? (() => 0);
  const maxWeight = options.maxWeight ?? Infinity;
  const inFlight: { promise: Promise<R>; weight: number }[] = [];
  let weightInFlight = 0;
  const source = items[Symbol.asyncIterator]();
  let pending: T | undefined;
  let hasPending = false;
  let done = false;
  try {
    for (;;) {
      // Fill the window: start items until it is full, the weight cap is reached or the source ends.
      while (!done && inFlight.length < options.window) {
        if (!hasPending) {
          const next = await source.next();
          if (next.done) {
            done = true;
            break;
          }
          pending = next.value;
          hasPending = true;
        }
        const item = pending as T;
        const w = weightOf(item);
        if (inFlight.length > 0 && weightInFlight + w > maxWeight) break;
        const promise = start(item);
        // Attached now so a rejection waiting its turn is not reported as unhandled; it is
        // rethrown when its turn comes.
        promise.catch(() => undefined);
        inFlight.push({ promise, weight: w });
        weightInFlight += w;
        hasPending = false;
      }
      const head = inFlight.shift();
      if (!head) return;
      weightInFlight -= head.weight;
      yield await head.promise;
    }
  } finally {
    // Stopped early (consumer gone or a failure): let the started work settle, then close the source.
    await Promise.allSettled(inFlight.map((f) => f.promise));
    await source.return?.(undefined);
  }
}
