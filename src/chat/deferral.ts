import type { StoredBatch } from "../core/records/batches.js";
import type { CloudTarget } from "../router/decide-route.js";
import type { Principal } from "../tenancy/gatekeeper.js";

/** Where the chat flow leaves the cloud work of a request answered locally for now. */
export interface Deferral {
  /** Queue `body` for `target` as a one-line batch; the batch holds the cloud's answer later. */
  defer(
    principal: Principal,
    body: Record<string, unknown>,
    target: CloudTarget,
    requestId: string,
  ): Promise<StoredBatch>;
}
