import type { ColibriConfig } from "../config/schema.js";
import type { ChatPipeline } from "../chat/chat-pipeline.js";
import type { ProviderDirectory } from "../router/hybrid-router.js";
import type { Store } from "../core/records/store.js";
import { BatchService } from "./batch-service.js";
import { ConnectivityMonitor } from "./connectivity-monitor.js";
import { QueueAdministration } from "./queue-administration.js";
import { QueuedRequestRunner } from "./queued-request-runner.js";
import { QueueWorker, type QueueLogger } from "./queue-worker.js";

export interface OfflineQueueOptions {
  store: Store;
  config: ColibriConfig["queue"];
  /** The chat flow queued requests go through, like live ones. */
  pipeline: ChatPipeline;
  /** The providers whose links the monitor watches. */
  providers: ProviderDirectory;
  log: QueueLogger;
  now: () => number;
}

/**
 * Store-and-forward as one unit: the Batch API's service, the connectivity monitor, and the
 * worker that runs queued requests through the chat flow. `start` after the server is ready,
 * `stop` before the store closes.
 */
export class OfflineQueue {
  readonly service: BatchService;
  readonly monitor: ConnectivityMonitor;
  readonly worker: QueueWorker;
  /** List, retry and cancel, for the admin API. */
  readonly administration: QueueAdministration;
  readonly #enabled: boolean;

  constructor(options: OfflineQueueOptions) {
    const { store, config, providers, now, log } = options;
    this.#enabled = config.enabled;
    this.monitor = new ConnectivityMonitor({
      providers,
      probe: config.probe,
      now,
      onChange: (state) => {
        if (state.up === true) log.info({ provider: state.provider }, "Cloud link is up");
        else log.warn({ provider: state.provider, error: state.lastError }, "Cloud link is down");
      },
    });
    this.worker = new QueueWorker({
      store,
      runner: new QueuedRequestRunner({ pipeline: options.pipeline, store, log, now }),
      monitor: this.monitor,
      providers: providers.list().map((provider) => provider.name),
      config,
      now,
      log,
    });
    const wake = () => {
      this.worker.wake();
    };
    this.service = new BatchService({ store, now, wake });
    this.administration = new QueueAdministration({ store, now, wake });
  }

  start(): void {
    if (!this.#enabled) return;
    this.monitor.start();
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
    await this.monitor.stop();
  }
}
