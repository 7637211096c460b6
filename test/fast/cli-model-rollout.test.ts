import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ggufHeaderBytes } from "../support/gguf-bytes.js";
import { colibri, expectOneLineError } from "../support/run-cli.js";

/*
 * `colibri models candidate|promote|withdraw|history` and the SERVING table of `colibri models`:
 * the registry's changes of model, each an audited event, with a one-line error for bad input.
 */
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-rollout-"));
  process.env["COLIBRI_HOME"] = home;
});

async function install(name: string): Promise<void> {
  const file = join(home, `${name}.gguf`);
  await writeFile(file, Buffer.concat([ggufHeaderBytes(), Buffer.alloc(32)]));
  const pulled = await colibri("pull", file);
  expect(pulled.code, pulled.stderr).toBe(0);
}

describe("colibri models: candidates, promotion and history", () => {
  it("names a candidate, shows it, promotes it and keeps every change as an event", async () => {
    await install("modelo-a");
    await install("modelo-b");
    const tenant = await colibri("tenants", "set", "clinica", "--rpm", "600");
    expect(tenant.code, tenant.stderr).toBe(0);

    const named = await colibri(
      "models",
      "candidate",
      "modelo-b",
      "--mode",
      "canary",
      "--share",
      "0.25",
      "--tenant",
      "clinica",
    );
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toContain(
      'modelo-b is the candidate (canary, 25 % of tenant "clinica"\'s requests)',
    );
    const listed = await colibri("models");
    expect(listed.stdout).toMatch(/SERVING\s+FOR\s+ROLE\s+MODE\s+SHARE/);
    expect(listed.stdout).toMatch(/modelo-b\s+tenant clinica\s+candidate\s+canary\s+25 %/);
    const json = JSON.parse((await colibri("models", "--json")).stdout) as {
      serving: { model: string; role: string; mode: string | null; share: number | null }[];
    };
    expect(json.serving).toEqual([
      expect.objectContaining({
        model: "modelo-b",
        role: "candidate",
        mode: "canary",
        share: 0.25,
      }),
    ]);

    expectOneLineError(
      await colibri("models", "promote", "modelo-a"),
      /The candidate is modelo-b, not modelo-a/,
    );
    const promoted = await colibri("models", "promote", "modelo-b");
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(promoted.stderr).toContain("modelo-b is now the current model");
    expect((await colibri("models")).stdout).toMatch(/modelo-b\s+every tenant\s+current/);

    const history = JSON.parse((await colibri("models", "history", "--json")).stdout) as {
      kind: string;
      model: string;
      actor: string;
      scope: string;
    }[];
    expect(history.map((event) => [event.kind, event.model, event.scope, event.actor])).toEqual([
      ["promoted", "modelo-b", "all", "cli"],
      ["candidate", "modelo-b", "tenant:clinica", "cli"],
    ]);
    expect((await colibri("models", "withdraw")).stderr).toContain("There is no candidate model.");
  });

  it("refuses bad input with one line and a non-zero exit", async () => {
    await install("modelo-a");
    expectOneLineError(
      await colibri("models", "candidate", "no-such-model"),
      /not installed: pull it first/,
    );
    expectOneLineError(
      await colibri("models", "candidate", "modelo-a", "--mode", "live"),
      /--mode must be shadow or canary/,
    );
    expectOneLineError(
      await colibri("models", "candidate", "modelo-a", "--share", "2"),
      /share must be a number above 0/,
    );
    expectOneLineError(
      await colibri("models", "candidate", "modelo-a", "--share", "abc"),
      /share must be a number above 0/,
    );
    expectOneLineError(
      await colibri("models", "candidate", "modelo-a", "--tenant", "nadie"),
      /There is no tenant "nadie"/,
    );
    expectOneLineError(await colibri("models", "promote"), /No candidate model to promote/);
    expectOneLineError(
      await colibri("models", "history", "--limit", "0"),
      /--limit must be a whole number/,
    );
  });

  it("lists the models even when the store cannot be read, saying what is not shown", async () => {
    await install("modelo-a");
    const listed = await colibri("models", "--database", "postgres://127.0.0.1:1/nada");
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("modelo-a");
    expect(listed.stdout).not.toContain("SERVING");
    expect(listed.stderr.trim().split("\n")).toHaveLength(1);
    expect(listed.stderr).toContain("the store could not be read");
  });
});
