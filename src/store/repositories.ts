import type { Kysely } from "kysely";
import { apiKeyRepository } from "./api-key-repository.js";
import { batchRepository } from "./batch-repository.js";
import { counterRepository } from "./counter-repository.js";
import type { Database } from "./database-schema.js";
import { egressRepository } from "./egress-repository.js";
import { feedbackRepository } from "./feedback-repository.js";
import { fileRepository } from "./file-repository.js";
import { knowledgeRepository } from "./knowledge-repository.js";
import { modelRegistryRepository } from "./model-registry-repository.js";
import { reservationRepository } from "./reservation-repository.js";
import { responseCacheRepository } from "./response-cache-repository.js";
import { retentionRepository } from "./retention-repository.js";
import type { StoreRepositories } from "../core/records/store.js";
import { tenantRepository } from "./tenant-repository.js";
import { trainingPairRepository } from "./training-pair-repository.js";
import { usageRepository } from "./usage-repository.js";

/** Every repository over one database handle (the store's, or one transaction's). */
export function createRepositories(db: Kysely<Database>): StoreRepositories {
  return {
    tenants: tenantRepository(db),
    keys: apiKeyRepository(db),
    usage: usageRepository(db),
    counters: counterRepository(db),
    reservations: reservationRepository(db),
    egress: egressRepository(db),
    cache: responseCacheRepository(db),
    files: fileRepository(db),
    batches: batchRepository(db),
    retention: retentionRepository(db),
    knowledge: knowledgeRepository(db),
    feedback: feedbackRepository(db),
    models: modelRegistryRepository(db),
    trainingPairs: trainingPairRepository(db),
  };
}
