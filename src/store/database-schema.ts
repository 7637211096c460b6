/**
 * The tables as Kysely sees them, shared by SQLite and PostgreSQL. Times are BIGINT milliseconds
 * since the epoch, money is double precision (REAL on SQLite) and booleans are integers 0/1, so
 * every column reads back as a plain number on both databases (see open-store.ts for int8).
 */
import type { ApiKeyKind } from "../core/records/tenancy.js";
import type { BatchStatus, QueuedRequestState } from "../core/records/batches.js";
import type { EgressOutcome } from "../core/records/egress.js";
import type { FeedbackRating } from "../core/records/feedback.js";
import type { UsageOutcome } from "../core/records/usage.js";
import type { KnowledgeTables } from "./knowledge-tables.js";

export interface Database extends KnowledgeTables {
  tenants: TenantTable;
  api_keys: ApiKeyTable;
  usage_records: UsageRecordTable;
  limit_counters: LimitCounterTable;
  limit_reservations: LimitReservationTable;
  egress_records: EgressRecordTable;
  egress_values: EgressValueTable;
  response_cache: ResponseCacheTable;
  files: FileTable;
  file_chunks: FileChunkTable;
  batches: BatchTable;
  batch_requests: BatchRequestTable;
  feedback: FeedbackTable;
  registered_models: RegisteredModelTable;
  model_assignments: ModelAssignmentTable;
  model_trials: ModelTrialTable;
  model_events: ModelEventTable;
  training_pairs: TrainingPairTable;
}

export interface LimitColumns {
  budget_usd_day: number | null;
  budget_usd_month: number | null;
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
}

export interface TenantTable extends LimitColumns {
  id: string;
  name: string;
  created_at: number;
  /** 0 or 1: the tenant's consent to keep training pairs (migration 0017, default 0). */
  keep_training_pairs: number;
}

export interface ApiKeyTable extends LimitColumns {
  id: string;
  tenant_id: string | null;
  kind: ApiKeyKind;
  name: string | null;
  prefix: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface UsageRecordTable {
  id: string;
  created_at: number;
  request_id: string;
  tenant_id: string;
  key_id: string | null;
  endpoint: string;
  model: string;
  target: string;
  /** 0 or 1. */
  stream: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  reference_cost_usd: number;
  latency_ms: number;
  status: number;
  outcome: UsageOutcome;
  route: string | null;
  reason: string | null;
  confidence: number | null;
  /** JSON counts per data type of what the privacy guard found; null when nothing. */
  findings: string | null;
  /** A chat request's language (ISO 639 or "other"); null for other endpoints. */
  language: string | null;
  /** The id the answer was given (chatcmpl-…, msg_…), for feedback; null for other endpoints. */
  response_id: string | null;
}

export interface FeedbackTable {
  id: string;
  tenant_id: string;
  response_id: string;
  key_id: string | null;
  created_at: number;
  rating: FeedbackRating;
  correction: string | null;
  comment: string | null;
}

export interface LimitCounterTable {
  scope: string;
  scope_id: string;
  period: string;
  window_start: number;
  requests: number;
  tokens: number;
  cost_usd: number;
}

export interface LimitReservationTable {
  id: string;
  created_at: number;
  expires_at: number;
  tokens: number;
  cost_usd: number;
  /** JSON: [[scope, scope_id, period, window_start], …]. */
  windows: string;
}

export interface EgressRecordTable {
  id: string;
  created_at: number;
  request_id: string;
  tenant_id: string;
  provider: string;
  model: string;
  region: string | null;
  bytes_sent: number;
  outcome: EgressOutcome;
  action: string;
  reason: string;
  /** JSON object: data type → number of findings. */
  findings: string;
  /** 1: the body was written to the provider; 0: no byte was; null: not known (0010). */
  delivered: number | null;
}

export interface EgressValueTable {
  egress_id: string;
  /** The value's place in its record, from 0. */
  position: number;
  type: string;
  hash: string;
  action: string;
}

export interface ResponseCacheTable {
  key: string;
  tenant_id: string;
  model: string;
  created_at: number;
  expires_at: number;
  body: string;
  hits: number;
  scope: string | null;
  /** JSON array of numbers. */
  embedding: string | null;
}

export interface FileTable {
  id: string;
  tenant_id: string;
  purpose: string;
  filename: string;
  bytes: number;
  created_at: number;
  /** The content of files stored before file_chunks existed; "" for newer ones. */
  content: string;
}

export interface FileChunkTable {
  file_id: string;
  /** The chunk's place in its file, from 0. */
  position: number;
  /** Text written as text (batch results, chunks from before migration 0018); "" otherwise. */
  content: string;
  /** The uploaded bytes (migration 0018); null for a chunk kept as text. */
  data: Uint8Array | null;
  created_at: number;
}

export interface BatchTable {
  id: string;
  tenant_id: string;
  key_id: string | null;
  endpoint: string;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  created_at: number;
  expires_at: number;
  in_progress_at: number | null;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  output_file_id: string | null;
  error_file_id: string | null;
  /** JSON: BatchValidationError[] */
  errors: string | null;
  /** JSON: Record<string, string> */
  metadata: string | null;
}

export interface BatchRequestTable {
  id: string;
  batch_id: string;
  tenant_id: string;
  line: number;
  custom_id: string;
  body: string;
  state: QueuedRequestState;
  provider: string | null;
  reason: string | null;
  attempts: number;
  not_before: number;
  lease_until: number | null;
  cloud_target: string | null;
  result: string | null;
  created_at: number;
  updated_at: number;
}

export interface RegisteredModelTable {
  name: string;
  kind: "model" | "adapter";
  source: string;
  sha256: string;
  size_bytes: number;
  licence: string | null;
  installed_at: number;
  /** JSON object, or null. */
  evaluation: string | null;
}

export interface ModelAssignmentTable {
  scope: string;
  model: string;
  role: string;
  mode: string | null;
  share: number | null;
  updated_at: number;
}

export interface ModelTrialTable {
  id: string;
  created_at: number;
  scope: string;
  tenant_id: string | null;
  response_id: string | null;
  model: string;
  role: string;
  mode: string;
  /** 0 or 1, as the four flags below. */
  escalated: number;
  runaway: number;
  language_mismatch: number;
  failed: number;
  finish_reason: string | null;
  latency_ms: number;
  confidence: number | null;
  agreement: number | null;
}

export interface ModelEventTable {
  id: string;
  created_at: number;
  scope: string;
  kind: string;
  model: string;
  previous: string | null;
  reason: string;
  actor: string;
}

/** A request escalated to the cloud, as sent (masked) and answered (migration 0017). */
export interface TrainingPairTable {
  id: string;
  tenant_id: string;
  response_id: string | null;
  created_at: number;
  provider: string;
  model: string;
  /** JSON: [{role, content}, …] as sent. */
  messages: string;
  answer: string;
  finish_reason: "stop" | "length";
}
