import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibri, expectOneLineError } from "../support/run-cli.js";
import { makePdf } from "../support/knowledge-documents.js";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-cli-kb-bases-"));
  process.env["COLIBRI_HOME"] = folder;
});

async function file(name: string, content: string | Buffer) {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

const guide = `# Guía

## Dosis

El paracetamol se toma cada ocho horas; no se superan cuatro gramos al día.

## Horario

La farmacia abre de lunes a sábado, de nueve a veinte horas.
`;

describe("colibri kb create, add, search, list, rm", () => {
  it("builds a knowledge base from files and finds passages with their citations", async () => {
    const created = await colibri("kb", "create", "farmacia");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created knowledge base "farmacia" \(vs_[0-9a-f]{24}\)\./);

    const guidePath = await file("guia.md", guide);
    const pdfPath = await file(
      "entregas.pdf",
      await makePdf([
        { heading: "Precios", paragraphs: ["El ibuprofeno cuesta cinco pesos."] },
        { heading: "Entregas", paragraphs: ["Entregamos a domicilio los martes."] },
      ]),
    );
    const broken = await file("roto.pdf", "not a pdf");
    const added = await colibri("kb", "add", "farmacia", guidePath, pdfPath, broken);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`[1/3] ${guidePath}: 2 passages`);
    expect(added.stderr).toContain(`[2/3] ${pdfPath}: 2 passages from 2 pages`);
    expect(added.stderr).toMatch(/\[3\/3\] .*roto\.pdf: failed — roto\.pdf: cannot be read as pdf/);

    const search = await colibri("kb", "search", "farmacia", "¿Qué día entregan a domicilio?");
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toMatch(
      /^1\. entregas\.pdf — Entregas — page 2 \(score \d+\.\d\d\)\n {3}Entregamos a domicilio los martes\.\n/,
    );
    const json = await colibri("kb", "search", "farmacia", "horario", "--top", "1", "--json");
    expect(JSON.parse(json.stdout)).toMatchObject([
      { documentName: "guia.md", headingPath: ["Guía", "Horario"], page: null },
    ]);

    const again = await colibri("kb", "add", "farmacia", guidePath);
    expect(again.stderr).toContain("unchanged (same content as before)");
    await file("guia.md", "# Guía\n\nSolo ibuprofeno.");
    expect((await colibri("kb", "add", "farmacia", guidePath)).code).toBe(0);
    const replaced = await colibri("kb", "search", "farmacia", "paracetamol", "--json");
    expect(JSON.parse(replaced.stdout)).toEqual([]);

    const bases = await colibri("kb", "list");
    expect(bases.stdout).toMatch(
      /^NAME\s+ID\s+DOCUMENTS\s+PASSAGES\s+LANGUAGE\s+CREATED\nfarmacia\s+vs_\w+\s+3\s+3\s+es\s/,
    );
    const documents = await colibri("kb", "list", "farmacia");
    expect(documents.stdout).toMatch(/roto\.pdf\s+failed\s+0\s+.*cannot be read as pdf/);

    const removed = await colibri("kb", "rm", "farmacia", "entregas.pdf");
    expect(removed.stdout).toBe('Removed "entregas.pdf" (2 passages) from "farmacia".\n');
    expect(
      JSON.parse((await colibri("kb", "search", "farmacia", "domicilio", "--json")).stdout),
    ).toEqual([]);
    expect((await colibri("kb", "rm", "farmacia")).code).toBe(0);
    expect((await colibri("kb", "list")).stdout).toBe(
      "No knowledge bases yet. Create one: colibri kb create NAME\n",
    );
  });

  it("keeps each tenant's knowledge bases apart", async () => {
    await colibri("kb", "create", "farmacia", "--tenant", "acme");
    await colibri("kb", "add", "farmacia", await file("guia.md", guide), "--tenant", "acme");
    expect((await colibri("kb", "create", "farmacia", "--tenant", "beta")).code).toBe(0);
    const beta = await colibri(
      "kb",
      "search",
      "farmacia",
      "paracetamol",
      "--tenant",
      "beta",
      "--json",
    );
    expect(JSON.parse(beta.stdout)).toEqual([]);
    const acme = await colibri(
      "kb",
      "search",
      "farmacia",
      "paracetamol",
      "--tenant",
      "acme",
      "--json",
    );
    expect(JSON.parse(acme.stdout)).toHaveLength(1);
  });

  it("says what is wrong in one line", async () => {
    expectOneLineError(
      await colibri("kb", "search", "nada", "hola"),
      /^colibri: No tenant is named "default"|^colibri: No knowledge base "nada" for this tenant/,
    );
    await colibri("kb", "create", "farmacia");
    expectOneLineError(
      await colibri("kb", "create", "farmacia"),
      /^colibri: This tenant already has a knowledge base named "farmacia"/,
    );
    expectOneLineError(
      await colibri("kb", "search", "nada", "hola"),
      /^colibri: No knowledge base "nada" for this tenant\. See them with `colibri kb list`/,
    );
    expectOneLineError(
      await colibri("kb", "search", "farmacia", "hola", "--top", "0"),
      /^colibri: --top expects a whole number from 1 to 50; got '0'\.$/,
    );
    expectOneLineError(
      await colibri("kb", "rm", "farmacia", "nada.pdf"),
      /^colibri: Knowledge base "farmacia" has no document "nada\.pdf"/,
    );
    const missing = await colibri("kb", "add", "farmacia", join(folder, "no-such.md"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read");
    const help = await colibri("kb", "add", "--help");
    expect(help.stdout).toContain("colibri kb add farmacia guia.pdf precios.csv");
    expectOneLineError(
      await colibri("kb", "reindex", "farmacia"),
      /^colibri: No embedding model is configured, so there are no vectors to rebuild\. Set engine\.embeddingModel/,
    );
    expectOneLineError(
      await colibri("kb", "reindex", "nada"),
      /^colibri: No knowledge base "nada" for this tenant/,
    );
  });
});
