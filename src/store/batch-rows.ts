import type { Selectable } from "kysely";
import { z } from "zod";
import type { BatchRequestTable, BatchTable } from "./database-schema.js";
import type { QueuedRequest, StoredBatch } from "../core/records/batches.js";

/* Batches and queued requests as stored: rows of `batches` and `batch_requests`, and back. */

const errorsSchema = z.array(
  z.object({
    code: z.string(),
    message: z.string(),
    param: z.string().nullable(),
    line: z.number().nullable(),
  }),
);
const metadataSchema = z.record(z.string(), z.string());

export function toBatchRow(batch: StoredBatch): BatchTable {
  return {
    id: batch.id,
    tenant_id: batch.tenantId,
    key_id: batch.keyId,
    endpoint: batch.endpoint,
    input_file_id: batch.inputFileId,
    completion_window: batch.completionWindow,
    status: batch.status,
    created_at: batch.createdAt,
    expires_at: batch.expiresAt,
    in_progress_at: batch.inProgressAt,
    finalizing_at: batch.finalizingAt,
    completed_at: batch.completedAt,
    failed_at: batch.failedAt,
    expired_at: batch.expiredAt,
    cancelling_at: batch.cancellingAt,
    cancelled_at: batch.cancelledAt,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    errors: batch.errors === null ? null : JSON.stringify(batch.errors),
    metadata: batch.metadata === null ? null : JSON.stringify(batch.metadata),
  };
}

export function fromBatchRow(row: Selectable<BatchTable>): StoredBatch {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    keyId: row.key_id,
    endpoint: row.endpoint,
    inputFileId: row.input_file_id,
    completionWindow: row.completion_window,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    inProgressAt: row.in_progress_at,
    finalizingAt: row.finalizing_at,
    completedAt: row.completed_at,
    failedAt: row.failed_at,
    expiredAt: row.expired_at,
    cancellingAt: row.cancelling_at,
    cancelledAt: row.cancelled_at,
    outputFileId: row.output_file_id,
    errorFileId: row.error_file_id,
    errors: row.errors === null ? null : errorsSchema.parse(JSON.parse(row.errors)),
    metadata: row.metadata === null ? null : metadataSchema.parse(JSON.parse(row.metadata)),
  };
}

export function toRequestRow(request: QueuedRequest): BatchRequestTable {
  return {
    id: request.id,
    batch_id: request.batchId,
    tenant_id: request.tenantId,
    line: request.line,
    custom_id: request.customId,
    body: request.body,
    state: request.state,
    provider: request.provider,
    reason: request.reason,
    attempts: request.attempts,
    not_before: request.notBefore,
    lease_until: request.leaseUntil,
    cloud_target: request.cloudTarget,
    result: request.result,
    created_at: request.createdAt,
    updated_at: request.updatedAt,
  };
}

export function fromRequestRow(row: Selectable<BatchRequestTable>): QueuedRequest {
  return {
    id: row.id,
    batchId: row.batch_id,
    tenantId: row.tenant_id,
    line: row.line,
    customId: row.custom_id,
    body: row.body,
    state: row.state,
    provider: row.provider,
    reason: row.reason,
    attempts: row.attempts,
    notBefore: row.not_before,
    leaseUntil: row.lease_until,
    cloudTarget: row.cloud_target,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
