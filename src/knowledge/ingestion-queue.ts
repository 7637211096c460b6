/**
 * Background ingestion, fair between tenants: each tenant's jobs run one at a time in the order
 * they came, and free slots go round-robin to the tenants waiting. So a tenant that attaches a
 * hundred large PDFs holds at most one slot and never stalls another tenant's documents.
 */
export class IngestionQueue {
  readonly #waiting = new Map<string, (() => Promise<void>)[]>();
  /** Tenants with a job running. */
  readonly #running = new Set<string>();
  /** When each tenant was last given a slot (a counter); the longest-waiting goes first. */
  readonly #lastServed = new Map<string, number>();
  #turns = 0;
  readonly #idle: (() => void)[] = [];

  constructor(private readonly slots = 2) {}

  /** Run `job` for `tenantId` when its turn comes; failures are the job's own business. */
  enqueue(tenantId: string, job: () => Promise<void>): void {
    const queue = this.#waiting.get(tenantId) ?? [];
    queue.push(job);
    this.#waiting.set(tenantId, queue);
    this.#next();
  }

  /** Jobs queued or running. */
  get size(): number {
    let waiting = 0;
    for (const queue of this.#waiting.values()) waiting += queue.length;
    return waiting + this.#running.size;
  }

  /** Resolves once nothing is queued or running (at once when idle). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #next(): void {
    while (this.#running.size < this.slots) {
      let tenantId: string | undefined;
      for (const tenant of this.#waiting.keys()) {
        if (this.#running.has(tenant)) continue;
        const served = this.#lastServed.get(tenant) ?? 0;
        if (tenantId === undefined || served < (this.#lastServed.get(tenantId) ?? 0)) {
          tenantId = tenant;
        }
      }
      if (tenantId === undefined) break;
      this.#lastServed.set(tenantId, ++this.#turns);
      const queue = this.#waiting.get(tenantId) ?? [];
      const job = queue.shift();
      if (queue.length === 0) this.#waiting.delete(tenantId);
      if (job === undefined) continue;
      this.#running.add(tenantId);
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.#running.delete(tenantId);
          // A tenant with nothing left is forgotten: its next job is first in line.
          if (!this.#waiting.has(tenantId)) this.#lastServed.delete(tenantId);
          this.#next();
        });
    }
    if (this.size === 0) for (const resolve of this.#idle.splice(0)) resolve();
  }
}
