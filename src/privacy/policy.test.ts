import { describe, expect, it } from "vitest";
import { configSchema } from "../config/schema.js";
import { PrivacyPolicyResolver } from "./policy.js";

function resolver(privacy: unknown) {
  return new PrivacyPolicyResolver(configSchema.shape.privacy.parse(privacy));
}
const openai = { name: "openai", region: "us" };
const saoPaulo = { name: "sa-east", region: "br" };
const local = { name: "local", region: undefined };

describe("PrivacyPolicyResolver", () => {
  it("pseudonymizes everything bound for a cloud and allows everything locally by default", () => {
    const policy = resolver({});
    expect(policy.resolve("acme", openai, "BR_CPF")).toEqual({
      action: "pseudonymize",
      source: "policy",
    });
    expect(policy.resolve("acme", openai, "EMAIL").action).toBe("pseudonymize");
    expect(policy.resolve("acme", local, "CARD").action).toBe("allow");
  });

  it("looks up destination, then type, then class, then default; the tenant before the global", () => {
    const policy = resolver({
      policy: {
        default: "redact",
        types: { financial: "block", MX_CLABE: "pseudonymize" },
        destinations: { openai: { types: { EMAIL: "allow" } } },
      },
      tenants: {
        clinic: { default: "local-only", destinations: { "sa-east": { default: "allow" } } },
      },
    });
    expect(policy.resolve("acme", openai, "EMAIL").action).toBe("allow");
    expect(policy.resolve("acme", openai, "CARD").action).toBe("block");
    expect(policy.resolve("acme", openai, "MX_CLABE").action).toBe("pseudonymize");
    expect(policy.resolve("acme", openai, "BR_CPF").action).toBe("redact");
    expect(policy.resolve("clinic", openai, "BR_CPF").action).toBe("local-only");
    expect(policy.resolve("clinic", saoPaulo, "BR_CPF").action).toBe("allow");
    // The tenant's own layer wins over the global destination entry.
    expect(policy.resolve("clinic", openai, "EMAIL").action).toBe("local-only");
  });

  it("keeps local processing free unless destinations.local says otherwise", () => {
    const policy = resolver({ policy: { default: "block" } });
    expect(policy.resolve("acme", local, "BR_CPF").action).toBe("allow");
    const strict = resolver({ policy: { destinations: { local: { types: { CARD: "redact" } } } } });
    expect(strict.resolve("acme", local, "CARD").action).toBe("redact");
    expect(strict.resolve("acme", local, "BR_CPF").action).toBe("allow");
  });

  it("turns an allow into local-only (or block) where residency forbids the class", () => {
    const policy = resolver({
      policy: { default: "allow", residency: { national_id: { regions: ["br"] } } },
      tenants: {
        bank: {
          residency: { financial: { providers: ["sa-east"] } },
          whenResidencyForbids: "block",
        },
      },
    });
    expect(policy.resolve("acme", saoPaulo, "BR_CPF")).toEqual({
      action: "allow",
      source: "policy",
    });
    expect(policy.resolve("acme", openai, "BR_CPF")).toEqual({
      action: "local-only",
      source: "residency",
    });
    expect(policy.resolve("acme", openai, "EMAIL").action).toBe("allow");
    expect(policy.resolve("bank", openai, "CARD")).toEqual({
      action: "block",
      source: "residency",
    });
    expect(policy.resolve("bank", saoPaulo, "CARD").action).toBe("allow");
    expect(policy.resolve("bank", { name: "other", region: undefined }, "BR_CPF").action).toBe(
      "block",
    );
  });

  it("rejects unknown data types in the config with the known ones", () => {
    expect(() =>
      configSchema.shape.privacy.parse({ policy: { types: { BR_CPX: "block" } } }),
    ).toThrow(/BR_CPF/);
  });
});
