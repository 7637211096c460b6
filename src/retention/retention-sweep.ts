import type { ColibriConfig } from "../config/schema.js";
import { ColibriError } from "../core/errors.js";
import type { Store } from "../core/records/store.js";
import { DataRemoval } from "./data-removal.js";

export type RetentionSettings = ColibriConfig["retention"];

/** What one sweep removed (or blanked). */
export interface SweepReport {
  /** Batch input and output files deleted (each blanking what batches held of it). */
  files: number;
  /** Prompts and answers blanked in the lines of batches that ended long enough ago. */
  batchBodies: number;
  cacheEntries: number;
  usageRecords: number;
  /** Ratings of answers, with their corrections and comments. */
  feedback: number;
  /** Escalated requests kept, masked, as training pairs. */
  trainingPairs: number;
  egressRecords: number;
  /** Chunks of uploads that never finished. */
  orphanChunks: number;
}

const day = 86_400_000;
/** An upload's chunks are stored before its file: older than this, they were abandoned. */
const orphanAfterMs = day;
/** Files deleted per store round trip. */
const filesPerPass = 100;

/**
 * Remove what is older than the retention periods, one kind at a time. Files go through
 * DataRemoval like a client's DELETE (an unfinished batch's input stays until the batch ends).
 */
export async function sweepRetention(
  store: Store,
  settings: RetentionSettings,
  now: number,
): Promise<SweepReport> {
  const { retention } = store;
  const before = (days: number | null) => (days === null ? undefined : now - days * day);
  const report: SweepReport = {
    files: 0,
    batchBodies: 0,
    cacheEntries: 0,
    usageRecords: 0,
    feedback: 0,
    trainingPairs: 0,
    egressRecords: 0,
    orphanChunks: 0,
  };

  const filesBefore = before(settings.batchFilesDays);
  if (filesBefore !== undefined) {
    const removal = new DataRemoval({ store });
    for (;;) {
      const expired = await retention.expiredFiles(
        ["batch", "batch_output"],
        filesBefore,
        filesPerPass,
      );
      for (const file of expired) {
        try {
          if (await removal.deleteFile(file.id, file.tenantId)) report.files++;
        } catch (error) {
          // A batch made from it since it was listed: it stays until that batch ends.
          if (!(error instanceof ColibriError && error.code === "file_in_use")) throw error;
        }
      }
      if (expired.length < filesPerPass) break;
    }
  }
  const bodiesBefore = before(settings.batchBodiesDays);
  if (bodiesBefore !== undefined)
    report.batchBodies = await retention.forgetBatchBodies(bodiesBefore);
  const cacheBefore = before(settings.cacheDays);
  if (cacheBefore !== undefined) report.cacheEntries = await retention.deleteCache(cacheBefore);
  const usageBefore = before(settings.usageDays);
  if (usageBefore !== undefined) report.usageRecords = await retention.deleteUsage(usageBefore);
  const feedbackBefore = before(settings.feedbackDays);
  if (feedbackBefore !== undefined)
    report.feedback = await retention.deleteFeedback(feedbackBefore);
  const pairsBefore = before(settings.trainingPairsDays);
  if (pairsBefore !== undefined)
    report.trainingPairs = await retention.deleteTrainingPairs(pairsBefore);
  const auditBefore = before(settings.auditDays);
  if (auditBefore !== undefined) report.egressRecords = await retention.deleteEgress(auditBefore);
  report.orphanChunks = await retention.deleteOrphanChunks(now - orphanAfterMs);
  return report;
}
