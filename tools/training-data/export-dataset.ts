import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InvalidRequestError } from "../../src/core/errors.js";
import type { Store } from "../../src/core/records/store.js";
import type { RatedTrainingPair } from "../../src/core/records/training-pairs.js";
import { normalizeTenantName } from "../../src/core/tenant-name.js";
import { tenantNotFound } from "../../src/tenancy/tenant-not-found.js";
import {
  buildChatDataset,
  type ChatDatasetOptions,
  type ChatDatasetCounts,
} from "./chat-dataset.js";

/** Pairs read per store round trip. */
const pageSize = 500;

export interface ExportedDataset {
  tenant: string;
  /** Whether the tenant consents to keep pairs now (pairs kept before a withdrawal stay). */
  consent: boolean;
  counts: ChatDatasetCounts;
  files: { train: string; eval: string };
}

/**
 * Write a tenant's training pairs to `dir` as train.jsonl and eval.jsonl in the chat
 * fine-tuning format (see buildChatDataset). Refused with a hint when it has kept none.
 */
export async function exportChatDataset(
  store: Store,
  tenantName: string,
  dir: string,
  options: ChatDatasetOptions,
): Promise<ExportedDataset> {
  const tenant = await store.tenants.findByName(normalizeTenantName(tenantName));
  if (tenant === undefined) throw tenantNotFound(tenantName);
  const pairs: RatedTrainingPair[] = [];
  for (;;) {
    const last = pairs.at(-1);
    const page = await store.trainingPairs.page({
      tenantId: tenant.id,
      limit: pageSize,
      ...(last === undefined ? {} : { after: last }),
    });
    pairs.push(...page);
    if (page.length < pageSize) break;
  }
  if (pairs.length === 0) {
    const consent = tenant.keepTrainingPairs
      ? "its requests escalated to the cloud are kept from now on"
      : `it has not consented: colibri tenants set ${tenant.name} --keep-training-pairs on`;
    throw new InvalidRequestError(
      `Tenant "${tenant.name}" has no training pairs to export (${consent}).`,
      "tenant",
    );
  }
  const dataset = buildChatDataset(pairs, options);
  await mkdir(dir, { recursive: true });
  const files = { train: join(dir, "train.jsonl"), eval: join(dir, "eval.jsonl") };
  await writeFile(files.train, jsonLines(dataset.train));
  await writeFile(files.eval, jsonLines(dataset.eval));
  return { tenant: tenant.name, consent: tenant.keepTrainingPairs, counts: dataset.counts, files };
}

function jsonLines(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join("");
}
