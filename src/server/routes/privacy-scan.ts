import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Principal } from "../../tenancy/gatekeeper.js";
import type { PrivacyGuard } from "../../privacy/privacy-guard.js";
import { findingView, redactAll } from "../../privacy/scan-report.js";
import { validateBody } from "../../openai/validate-body.js";

const scanBody = z.object({ text: z.string() }).strict();

/**
 * POST /v1/privacy/scan: the privacy guard's detectors over a text, for checking data before it
 * is exported or shared. Answers the findings (offsets, never values) and the redacted text.
 * A large text is scanned a piece at a time, so other requests are still served meanwhile.
 * A tenant's scan is one request against its requests-per-minute limit.
 */
export function registerPrivacyScan(
  app: FastifyInstance,
  guard: PrivacyGuard,
  metering: {
    /** Take one of the caller's requests-per-minute slots (throws RateLimitError). */
    admit: (principal: Principal) => Promise<unknown>;
  },
): void {
  app.post(
    "/v1/privacy/scan",
    { config: { access: "tenant-or-admin" } },
    async (request, reply) => {
      // A tenant's scan counts against its rate limit before any work; an administrator's
      // (no principal) is not limited.
      if (request.principal !== null) await metering.admit(request.principal);
      const { text } = validateBody(scanBody, request.body);
      // Yields to other requests while it reads; refused (413) past privacy.maxFindingsPerRequest.
      const findings = await guard.scanTextAsync(text);
      return reply.send({
        object: "privacy.scan",
        findings: findings.map(findingView),
        redacted: redactAll(text, findings),
      });
    },
  );
}
