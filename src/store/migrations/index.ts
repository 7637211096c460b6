import type { Migration } from "kysely";
import { initial } from "./0001_initial.js";
import { routeConfidence } from "./0002_route_confidence.js";
import { egressAudit } from "./0003_egress_audit.js";
import { responseCache } from "./0004_response_cache.js";
import { semanticCache } from "./0005_semantic_cache.js";
import { files } from "./0006_files.js";
import { batches } from "./0007_batches.js";
import { limitReservations } from "./0008_limit_reservations.js";
import { fileChunks } from "./0009_file_chunks.js";
import { egressDelivery } from "./0010_egress_delivery.js";
import { usageFindings } from "./0011_usage_findings.js";
import { batchRequestClaimOrder } from "./0012_batch_request_claim_order.js";
import { usageLanguage } from "./0013_usage_language.js";
import { knowledgeBases } from "./0014_knowledge_bases.js";
import { feedback } from "./0015_feedback.js";
import { modelRegistry } from "./0016_model_registry.js";
import { trainingPairs } from "./0017_training_pairs.js";
import { fileBytes } from "./0018_file_bytes.js";
import { knowledgeEmbeddingModel } from "./0019_knowledge_embedding_model.js";

/*
 * Versioned migrations, in code so they ship inside the package. Names sort in the order they
 * run; never edit one that has shipped, add the next one instead. Only the schema builder is used,
 * so the same migration runs on SQLite and PostgreSQL.
 */

/** Every migration, by name. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001_initial": initial,
  "0002_route_confidence": routeConfidence,
  "0003_egress_audit": egressAudit,
  "0004_response_cache": responseCache,
  "0005_semantic_cache": semanticCache,
  "0006_files": files,
  "0007_batches": batches,
  "0008_limit_reservations": limitReservations,
  "0009_file_chunks": fileChunks,
  "0010_egress_delivery": egressDelivery,
  "0011_usage_findings": usageFindings,
  "0012_batch_request_claim_order": batchRequestClaimOrder,
  "0013_usage_language": usageLanguage,
  "0014_knowledge_bases": knowledgeBases,
  "0015_feedback": feedback,
  "0016_model_registry": modelRegistry,
  "0017_training_pairs": trainingPairs,
  "0018_file_bytes": fileBytes,
  "0019_knowledge_embedding_model": knowledgeEmbeddingModel,
};
