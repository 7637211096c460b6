import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The given names and surnames the name detector knows (assets/privacy/names/, see its NOTICE):
 * one folded word a line. Read once, on the first scan that looks for names, never at import.
 */

export interface NameLists {
  given: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
}

let loaded: NameLists | undefined;

export function nameLists(): NameLists {
  if (loaded === undefined) {
    const folder = listsFolder();
    loaded = {
      given: readList(new URL("given-names.txt", folder)),
      surnames: readList(new URL("surnames.txt", folder)),
    };
  }
  return loaded;
}

export type Kind = "given" | "surname" | "unknown";

/** Which list a folded word is on: a given name first, then a surname. */
export function kindOf(foldedWord: string): Kind {
  const lists = nameLists();
  if (lists.given.has(foldedWord)) return "given";
  if (lists.surnames.has(foldedWord)) return "surname";
  return "unknown";
}

/**
 * The folder from this module's place: three levels below the package root in src/ and dist/,
 * four in dist-tools/src/ (the benchmarks' build).
 */
function listsFolder(): URL {
  const tried: string[] = [];
  for (const up of ["../../../", "../../../../"]) {
    const folder = new URL(`${up}assets/privacy/names/`, import.meta.url);
    if (existsSync(fileURLToPath(new URL("given-names.txt", folder)))) return folder;
    tried.push(fileURLToPath(folder));
  }
  throw new Error(
    `The person-name lists are missing (looked in ${tried.join(" and ")}). Reinstall Colibrí, or regenerate them: python3 tools/privacy-names/build-name-lists.py`,
  );
}

function readList(file: URL): Set<string> {
  const content = readFileSync(fileURLToPath(file), "utf8");
  return new Set(content.split("\n").filter((line) => line !== ""));
}
