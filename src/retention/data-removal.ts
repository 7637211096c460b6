import { tenantNotFound } from "../tenancy/tenant-not-found.js";
import { ColibriError, InvalidRequestError } from "../core/errors.js";
import { normalizeTenantName } from "../core/tenant-name.js";
import {
  unfinishedBatchStatuses,
  type QueuedRequestState,
  type StoredBatch,
} from "../core/records/batches.js";
import type { RemovedRows, Store } from "../core/records/store.js";

export interface TenantPurge {
  tenant: string;
  /** Whether the tenant and its keys went too. */
  account: boolean;
  /** Rows deleted per table. */
  removed: RemovedRows;
}

export interface DataRemovalOptions {
  store: Store;
  /** The tenant served to requests without a key: its data can be purged, the tenant cannot. */
  defaultTenant?: string;
}

/**
 * Deleting what was stored about requests, and what was derived from it: a file takes with it
 * the copies of its lines in the batches made from it (prompts) or the answers it was written
 * from; a batch takes its lines and files; a tenant's purge takes everything kept for its
 * requests. Each runs in one transaction: all of it goes, or none.
 */
export class DataRemoval {
  readonly #options: DataRemovalOptions;

  constructor(options: DataRemovalOptions) {
    this.#options = options;
  }

  /**
   * Delete the tenant's file and blank what batches hold of it: a batch's input takes the
   * prompts of its lines; its output file the answers of its completed lines, its error file
   * those of its failed lines. Refused (409) while a batch that reads the file has not ended,
   * since its lines still need their prompts. False when the tenant has no such file.
   */
  async deleteFile(id: string, tenantId: string): Promise<boolean> {
    return this.#options.store.transaction(async ({ files, batches }) => {
      // Deleted first: on PostgreSQL this holds the row, so a batch being created from the file
      // (which holds it too) either lands before this looks for users, or finds no file.
      if (!(await files.delete(id, tenantId))) return false;
      const users = await batches.usingFile(id, tenantId);
      const running = users.find(
        (batch) => batch.inputFileId === id && unfinishedBatchStatuses.includes(batch.status),
      );
      if (running !== undefined) throw fileInUse(id, running);
      for (const batch of users) {
        const results: QueuedRequestState[] = [];
        if (batch.outputFileId === id) results.push("completed");
        if (batch.errorFileId === id) results.push("failed");
        await batches.forget(batch.id, { bodies: batch.inputFileId === id, results });
      }
      return true;
    });
  }

  /**
   * Delete the tenant's batch, its lines, its output and error files, and its input file unless
   * another batch was made from it too. Refused (409) until the batch has ended: cancel it first.
   * False when the tenant has no such batch.
   */
  async deleteBatch(id: string, tenantId: string): Promise<boolean> {
    return this.#options.store.transaction(async ({ files, batches }) => {
      const batch = await batches.get(id, tenantId);
      if (batch === undefined) return false;
      if (unfinishedBatchStatuses.includes(batch.status)) throw batchUnfinished(batch);
      await batches.delete(id);
      for (const fileId of [batch.outputFileId, batch.errorFileId]) {
        if (fileId !== null) await files.delete(fileId, tenantId);
      }
      const sharing = await batches.usingFile(batch.inputFileId, tenantId);
      if (sharing.length === 0) await files.delete(batch.inputFileId, tenantId);
      return true;
    });
  }

  /**
   * Remove everything stored for the tenant's requests (files, batches, cache entries, usage
   * and egress records, counters), as a data-protection request needs; with `account`, its API
   * keys and the tenant too. The default tenant's account stays: requests without a key use it.
   */
  async purgeTenant(tenantName: string, options: { account: boolean }): Promise<TenantPurge> {
    const { store, defaultTenant } = this.#options;
    const name = normalizeTenantName(tenantName);
    const tenant = await store.tenants.findByName(name);
    if (tenant === undefined) throw tenantNotFound(name);
    if (options.account && name === defaultTenant) {
      throw new InvalidRequestError(
        `"${name}" is the default tenant (limits.defaultTenant): requests without a key are served as it, so it cannot be deleted. Purge its data and keep the tenant (without --delete-tenant / delete_tenant), or make another tenant the default first.`,
        "tenant",
      );
    }
    const removed = await store.transaction((repositories) =>
      repositories.retention.purgeTenant(tenant.id, options),
    );
    return { tenant: name, account: options.account, removed };
  }
}

function fileInUse(id: string, batch: StoredBatch): ColibriError {
  return new ColibriError(
    `File "${id}" is the input of batch ${batch.id}, which is ${batch.status}: its requests still need it. Cancel the batch (POST /v1/batches/${batch.id}/cancel) and delete the file once the batch has ended, or wait for it to finish.`,
    { code: "file_in_use", status: 409, param: "file_id" },
  );
}

function batchUnfinished(batch: StoredBatch): ColibriError {
  return new ColibriError(
    `Batch ${batch.id} is ${batch.status}; only a batch that has ended can be deleted. Cancel it (POST /v1/batches/${batch.id}/cancel) and delete it once it is cancelled.`,
    { code: "batch_not_finished", status: 409, param: "batch_id" },
  );
}
