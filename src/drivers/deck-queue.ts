/**
 * Decks waiting to be rebuilt: each is debounced on its own, then run one
 * at a time in the order its quiet time ended. A deck scheduled again while
 * it waits starts its quiet time over; one scheduled while it runs waits
 * for the run to end and runs again.
 */
export class DeckQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private readonly idleWaiters: (() => void)[] = [];
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private closed = false;

  constructor(
    private readonly run: (slug: string) => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  schedule(slug: string): void {
    if (this.closed) return;
    clearTimeout(this.timers.get(slug));
    this.timers.set(
      slug,
      setTimeout(() => {
        this.timers.delete(slug);
        this.queue.add(slug);
        this.pump();
      }, this.debounceMs),
    );
  }

  /** Runs `first` before any queued deck (the first pass over every deck); decks scheduled meanwhile wait behind it. */
  runFirst(first: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.running = first().finally(() => {
      this.busy = false;
      this.pump();
    });
    return this.running;
  }

  /** Resolves when no deck is waiting on its debounce and none runs. */
  idle(): Promise<void> {
    if (this.timers.size === 0 && !this.busy) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops the waiting decks at once; resolves when the run under way ends. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.running;
    this.wake();
  }

  private pump(): void {
    if (this.busy) return;
    this.busy = true;
    this.running = (async () => {
      try {
        while (this.queue.size > 0 && !this.closed) {
          const [slug] = this.queue;
          this.queue.delete(slug);
          await this.run(slug);
        }
      } finally {
        this.busy = false;
      }
      if (this.timers.size === 0 && this.queue.size === 0) this.wake();
    })();
  }

  private wake(): void {
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
