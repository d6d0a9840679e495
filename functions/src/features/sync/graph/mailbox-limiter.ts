// At most N requests in flight per mailbox, whatever runs for it (calendar, contacts, pushes); Graph throttles per mailbox.
export class MailboxLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Highest number of requests in flight at once, per mailbox, since the last reset. */
  readonly peak = new Map<string, number>();

  constructor(private readonly limit: number) {}

  async run<T>(mailbox: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(mailbox);
    try {
      return await work();
    } finally {
      this.release(mailbox);
    }
  }

  private async acquire(mailbox: string): Promise<void> {
    const current = this.active.get(mailbox) ?? 0;
    if (current >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(mailbox) ?? [];
        queue.push(resolve);
        this.waiting.set(mailbox, queue);
      });
    }
    const now = (this.active.get(mailbox) ?? 0) + 1;
    this.active.set(mailbox, now);
    this.peak.set(mailbox, Math.max(this.peak.get(mailbox) ?? 0, now));
  }

  private release(mailbox: string): void {
    const now = (this.active.get(mailbox) ?? 1) - 1;
    if (now === 0) this.active.delete(mailbox);
    else this.active.set(mailbox, now);
    // The slot passes straight to the next waiter, so a burst never exceeds the limit.
    const next = this.waiting.get(mailbox)?.shift();
    if (next) next();
  }
}
