// The order of work in a cold build. Measuring a chunk of SOPs takes one browser page for a
// while and planning an SOP takes Node for a while: done in turn (measure all, plan all, then
// print), each left a core idle. Here measuring runs one chunk ahead of printing, and a few
// more SOPs are in hand than the pool has pages, so one is planned or finished in Node while
// the pages print. What is printed, and from what, is unchanged: only the order differs.

export interface PipelineOptions<T, M> {
  /** Items measured together (one browser page). */
  chunk: number;
  /** Items in hand at once: planning, waiting for a page, printing or finishing. */
  workers: number;
  measure: (items: T[]) => Promise<M>;
  each: (item: T, measured: M) => Promise<void>;
}

/** Runs `each` over `items`, every item after its chunk is measured; stops taking items after the first failure. */
export async function pipeline<T, M>(items: readonly T[], o: PipelineOptions<T, M>): Promise<void> {
  const measured: Array<Promise<M>> = [];
  const chunks = Math.ceil(items.length / o.chunk);
  const measureOf = (k: number): Promise<M> => (measured[k] ??= o.measure(items.slice(k * o.chunk, (k + 1) * o.chunk)));
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let i = next++; i < items.length && !failed; i = next++) {
      const k = Math.floor(i / o.chunk);
      const current = measureOf(k);
      // The next chunk is measured while this one prints; its failure is reported by whoever awaits it.
      if (k + 1 < chunks) measureOf(k + 1).catch(() => undefined);
      try {
        await o.each(items[i]!, await current);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.workers, items.length)) }, worker));
}
