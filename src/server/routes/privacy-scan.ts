import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { PrivacyGuard } from "../../privacy/privacy-guard.js";
import { findingView, redactAll } from "../../privacy/scan-report.js";
import { validateBody } from "../validate-body.js";

const scanBody = z.object({ text: z.string() }).strict();

/**
 * POST /v1/privacy/scan: the privacy guard's detectors over a text, for checking data before it
 * is exported or shared. Answers the findings (offsets, never values) and the redacted text.
 */
export function registerPrivacyScan(app: FastifyInstance, guard: PrivacyGuard): void {
  app.post("/v1/privacy/scan", { config: { access: "tenant-or-admin" } }, (request, reply) => {
    const { text } = validateBody(scanBody, request.body);
    const findings = guard.scanText(text);
    return reply.send({
      object: "privacy.scan",
      findings: findings.map(findingView),
      redacted: redactAll(text, findings),
    });
  });
}
