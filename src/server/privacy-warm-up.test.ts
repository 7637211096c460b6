import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config/load.js";
import { PrivacyGuard } from "../privacy/privacy-guard.js";
import type { ScriptedBackend } from "../../test/support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../../test/support/test-gateway.js";
import { privacyWarmUpText } from "./privacy-warm-up.js";

let gateway: TestGateway<ScriptedBackend> | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await gateway?.close();
  gateway = undefined;
});

describe("the privacy scan's warm-up", () => {
  it("reaches every family of detector, so none compiles its patterns on a request", () => {
    const guard = new PrivacyGuard(parseConfig({ home: "/tmp/colibri-unused" }).privacy);
    const found = new Set(guard.scanText(privacyWarmUpText).map((finding) => finding.type));
    for (const type of [
      "PERSON_NAME",
      "STREET_ADDRESS",
      "EMAIL",
      "PHONE",
      "CARD",
      "HEALTH",
      "CL_RUT",
      "AR_CUIT",
      "MX_CURP",
      "BR_CPF",
    ] as const) {
      expect(found, type).toContain(type);
    }
  });

  it("runs when the server starts listening, before it answers anything", async () => {
    const scans = vi.spyOn(PrivacyGuard.prototype, "scanText");
    gateway = await startTestGateway();
    expect(scans).not.toHaveBeenCalled();
    const address = await gateway.server.listen();
    expect(scans).toHaveBeenCalledWith(privacyWarmUpText);
    expect((await fetch(`${address}/health`)).status).toBe(200);
  });
});
