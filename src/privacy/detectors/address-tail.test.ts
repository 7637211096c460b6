import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

const names = (text: string) =>
  scanText(text, { types: ["PERSON_NAME"] }).map((finding) =>
    text.slice(finding.start, finding.end),
  );

describe("person names: the places that follow an address are no people", () => {
  it("reads every comma-separated place after the number as the address's, not only the first", () => {
    expect(
      names("Envíenlo a Av. Revolución 1420, dpto. 3, Col. San Ángel, Álvaro Obregón"),
    ).toEqual([]);
    expect(names("CALZ. DE TLALPAN 980, INT. 4, COL. PORTALES, BENITO JUÁREZ, C.P. 03300")).toEqual(
      [],
    );
    expect(names("Pode entregar na Trav. Mauriti, 2210, Marco Aurélio, Belém")).toEqual([]);
  });

  it("goes on to the next line when the address breaks there and more places follow", () => {
    expect(
      names("Att.,\nRenata Moraes\nRua Gonçalo de Carvalho, 88/12\nFloresta, Porto Alegre - RS"),
    ).toEqual(["Renata Moraes"]);
    // A person alone on the line after an address is still a person.
    expect(names("Rua Padre Chagas, 476\nRenata Moraes")).toEqual(["Renata Moraes"]);
  });

  it("takes a word before a Brazilian state's code for a city", () => {
    expect(names("Moro em Marabá - PA desde 2019")).toEqual([]);
    expect(names("Frete grátis para Vitória/ES")).toEqual([]);
  });

  it("takes the corner after a house number for a street", () => {
    expect(names("Vivo en Av. Loja 3-18 y Hermano Miguel, Cuenca")).toEqual([]);
    expect(names("Queda en Calle Sucre 455 esq. Benigno Malo")).toEqual([]);
  });

  it("keeps the people after an address when words in lower case stand between them", () => {
    expect(names("Entregar en Calle Junín 450, Miraflores, a nombre de Rosaura Pillaca")).toEqual([
      "Rosaura Pillaca",
    ]);
    expect(names("Vivo en Calle Junín 450. Renata Moraes vive conmigo")).toEqual(["Renata Moraes"]);
    expect(names("Mi dirección es Calle Junín 450, mi hija Rosaura te abre")).toEqual(["Rosaura"]);
  });
});

describe("person names: a street named after someone, before its number", () => {
  it("takes a name right before a house number for the street", () => {
    expect(names("¿El colectivo pasa por Gregorio Funes 2318?")).toEqual([]);
    expect(names("Ya llegué a Eusebio Ayala 1290 bis, toquen timbre")).toEqual([]);
    expect(names("me mudé a Mcal. Estigarribia 802 c/ Brasil")).toEqual([]);
    expect(names("A loja fica na Av. Brig. Luís Antônio, 3100")).toEqual([]);
  });

  it("keeps a person before a number that is an age, a score, a year or after a title", () => {
    expect(names("Llegó Gregorio Funes 35 años, dolor torácico")).toEqual(["Gregorio Funes"]);
    expect(names("Notas: Renata Moraes 9, Rosaura Pillaca 8")).toEqual([
      "Renata Moraes",
      "Rosaura Pillaca",
    ]);
    expect(names("Egresados: Renata Moraes 2019.")).toEqual(["Renata Moraes"]);
    expect(names("Paciente Gregorio Funes 302, cama 4")).toEqual(["Gregorio Funes"]);
  });
});

describe("person names: buildings, blocks and public programmes", () => {
  it("takes the name after 'PH' or 'Mz.' for a building's or a block's", () => {
    expect(names("Vía Porras, PH Vista Hermosa, apto 3B")).toEqual([]);
    expect(names("Rosaura Pillaca;Mz. B2 Lote 7")).toEqual(["Rosaura Pillaca"]);
  });

  it("takes a programme's name for no person, and keeps the owner of a pension", () => {
    expect(names("Recebo o Auxílio Gás e o Bolsa Família")).toEqual([]);
    expect(names("¿La Asignación Universal se cobra este mes?")).toEqual([]);
    expect(names("Cobro la pensión de Gregorio Funes")).toEqual(["Gregorio Funes"]);
  });
});
