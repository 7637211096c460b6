import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

const types = ["STREET_ADDRESS", "HEALTH"] as const;
const found = (text: string) =>
  scanText(text, { types: [...types] }).map((finding) => [
    finding.type,
    text.slice(finding.start, finding.end),
  ]);

describe("street addresses: types, numbers and flats", () => {
  it("reads abbreviated street types and a type that starts like a shorter one", () => {
    expect(found("Vivo en Bv. Gálvez 1520, Santa Fe")).toEqual([
      ["STREET_ADDRESS", "Bv. Gálvez 1520"],
    ]);
    expect(found("Mi domicilio: Cll 45 No 23-10 Apto 302")).toEqual([
      ["STREET_ADDRESS", "Cll 45 No 23-10 Apto 302"],
    ]);
    expect(found("Moro na Al. Itu 85 cj 12")).toEqual([["STREET_ADDRESS", "Al. Itu 85 cj 12"]]);
    expect(found("Envíen la caja a Callejón de los Sapos 14")).toEqual([
      ["STREET_ADDRESS", "Callejón de los Sapos 14"],
    ]);
  });

  it("keeps the floor, the flat, the building and a second number with the address", () => {
    expect(found("Vivo en Av. Belgrano 880, 4° D, San Telmo")).toEqual([
      ["STREET_ADDRESS", "Av. Belgrano 880, 4° D"],
    ]);
    expect(found("Mi dirección: calle Mitre 320 1er piso")).toEqual([
      ["STREET_ADDRESS", "calle Mitre 320 1er piso"],
    ]);
    expect(found("Endereço: Rua Bahia, 410 - 3º andar")).toEqual([
      ["STREET_ADDRESS", "Rua Bahia, 410 - 3º andar"],
    ]);
    expect(found("moro na Rua Goiás 77 / 204")).toEqual([["STREET_ADDRESS", "Rua Goiás 77 / 204"]]);
    expect(found("Vivo en Av. Bolognesi, edificio Los Andes, piso 2, dpto 21")).toEqual([
      ["STREET_ADDRESS", "Av. Bolognesi, edificio Los Andes, piso 2, dpto 21"],
    ]);
    expect(found("Entreguem na Rodovia SC-401, km 9,5")).toEqual([
      ["STREET_ADDRESS", "Rodovia SC-401, km 9,5"],
    ]);
  });

  it("takes a numbered address after a word that places someone, but a street alone only after an address word", () => {
    expect(found("Hoy estoy en calle Salta 455, vengan")).toEqual([
      ["STREET_ADDRESS", "calle Salta 455"],
    ]);
    expect(found("El museo queda en la Avenida Central")).toEqual([]);
    expect(found("A padaria fica na Rua Augusta")).toEqual([]);
    expect(found("Me mudé a la Avenida Central")).toEqual([["STREET_ADDRESS", "Avenida Central"]]);
  });

  it("reads a street named after someone as the street, not the person", () => {
    expect(found("Moro na Rua Dr. Almeida 90, ap. 12")).toEqual([
      ["STREET_ADDRESS", "Rua Dr. Almeida 90, ap. 12"],
    ]);
  });
});

describe("health conditions: forms, owners and general talk", () => {
  it("finds adjective forms after 'es'/'é', and the stage or type after a condition", () => {
    expect(found("Mi tío es epiléptico desde niño")).toEqual([["HEALTH", "epiléptico"]]);
    expect(found("A vizinha é surda e mora sozinha")).toEqual([["HEALTH", "surda"]]);
    expect(found("Estou grávida de 12 semanas")).toEqual([["HEALTH", "grávida de 12 semanas"]]);
    expect(found("Tengo gastritis crónica desde el verano")).toEqual([
      ["HEALTH", "gastritis crónica"],
    ]);
    expect(found("Meu avô teve câncer de estômago")).toEqual([["HEALTH", "câncer de estômago"]]);
  });

  it("reads verbs of having had, taking medicine for, or testing positive for a condition", () => {
    expect(found("tô com pneumonia, não vou trabalhar")).toEqual([["HEALTH", "pneumonia"]]);
    expect(found("Tomo metformina por la diabetes")).toEqual([
      ["HEALTH", "metformina por la diabetes"],
    ]);
    expect(found("Salió positivo para hepatitis C en el control")).toEqual([
      ["HEALTH", "hepatitis C"],
    ]);
  });

  it("takes an acronym that is also a word only in capitals", () => {
    expect(found("O filho dela tem TEA nível 1")).toEqual([["HEALTH", "TEA"]]);
    expect(found("Ela tem um filho pequeno")).toEqual([]);
  });

  it("leaves questions, campaigns and a kin word inside the condition's name below the threshold", () => {
    expect(found("¿Cómo se contagia la hepatitis B?")).toEqual([]);
    expect(found("Campanha: previna o câncer de pele no verão")).toEqual([]);
    expect(found("O que é a dislexia e como se trata?")).toEqual([]);
    expect(found("Qué es el cáncer de mama y cómo se detecta?")).toEqual([]);
    expect(found("¿Cómo cuido a mi hija con asma?")).toEqual([["HEALTH", "asma"]]);
  });
});

describe("street addresses without a street type", () => {
  it("reads a capitalised street and its number right after a word of living there", () => {
    expect(found("vivo en Las Acacias 340, San Isidro")).toEqual([
      ["STREET_ADDRESS", "Las Acacias 340"],
    ]);
    expect(found("Pasen por mi casa, 9 de Octubre 1220 dpto 4, Guayaquil")).toEqual([
      ["STREET_ADDRESS", "9 de Octubre 1220 dpto 4"],
    ]);
    expect(found("Vivo en Lima hace 20 años")).toEqual([]);
    expect(found("Moro em Recife 2021 foi o ano da mudança")).toEqual([]);
  });

  it("reads a block code in capitals with its building, and a quadra with its house", () => {
    expect(found("Moro na SQN 105 Bloco A apto 302")).toEqual([
      ["STREET_ADDRESS", "SQN 105 Bloco A apto 302"],
    ]);
    expect(found("Entregar na Quadra 8 Conjunto C Casa 3")).toEqual([
      ["STREET_ADDRESS", "Quadra 8 Conjunto C Casa 3"],
    ]);
    expect(found("O voo LA 2045 tem piso molhado")).toEqual([]);
    expect(found("Jogamos na quadra 3 casa cheia")).toEqual([]);
  });

  it("keeps the neighbourhood written before the street", () => {
    expect(found("Vivo en Colonia Narvarte, Calle Pitágoras 1020")).toEqual([
      ["STREET_ADDRESS", "Colonia Narvarte, Calle Pitágoras 1020"],
    ]);
    expect(found("Moro no bairro Jardim América, Rua 4, casa 9")).toEqual([
      ["STREET_ADDRESS", "bairro Jardim América, Rua 4, casa 9"],
    ]);
  });
});

describe("more street types, conditions and counts that are no house number", () => {
  it("reads Mexican and Portuguese abbreviations and a workplace", () => {
    expect(found("Vivo en Priv. de los Fresnos 21, Tlalpan")).toEqual([
      ["STREET_ADDRESS", "Priv. de los Fresnos 21"],
    ]);
    expect(found("Trabalho na Pça. da Sé 40 sala 3")).toEqual([
      ["STREET_ADDRESS", "Pça. da Sé 40 sala 3"],
    ]);
  });

  it("takes no time or quantity for a house number", () => {
    expect(found("La marcha pasa por la Avenida Sucre a las 11")).toEqual([]);
    expect(found("Hay que mandar a Quito 500 cajas")).toEqual([]);
  });

  it("finds a cancer by its organ with any preposition, and a fight against it", () => {
    expect(found("Meu tio luta contra um câncer no estômago")).toEqual([
      ["HEALTH", "um câncer no estômago"],
    ]);
    expect(found("Superé un cáncer en la piel el año pasado")).toEqual([
      ["HEALTH", "un cáncer en la piel"],
    ]);
  });
});

describe("an address tied by what follows it, and its corner", () => {
  it("reads 'es donde vivo' after the address, and the corner street after the number", () => {
    expect(found("Av. Larco 1150 dpto 8, es donde vivo ahora")).toEqual([
      ["STREET_ADDRESS", "Av. Larco 1150 dpto 8"],
    ]);
    expect(found("Moro na Rua Ceará 120 esquina com Rua Bahia")).toEqual([
      ["STREET_ADDRESS", "Rua Ceará 120 esquina com Rua Bahia"],
    ]);
    expect(found("Av. Larco 1150 tiene muchas tiendas")).toEqual([]);
  });
});

describe("a public building's address and an allergy", () => {
  it("leaves an institution's numbered address alone, but takes a home's", () => {
    expect(found("El Congreso está en Av. Entre Ríos 1050")).toEqual([]);
    expect(found("El departamento está en Av. Pardo 520, depto 7")).toEqual([
      ["STREET_ADDRESS", "Av. Pardo 520, depto 7"],
    ]);
  });

  it("masks a numbered address on its own in doubt, but not a business's, an event's or a road's km", () => {
    expect(found("Av. Corrientes 1234, piso 5, depto. B, CABA.")).toEqual([
      ["STREET_ADDRESS", "Av. Corrientes 1234, piso 5, depto. B"],
    ]);
    expect(found("Rua das Flores, 1234, sala 56, Centro.")).toEqual([
      ["STREET_ADDRESS", "Rua das Flores, 1234, sala 56"],
    ]);
    expect(found("Calle 45 # 12-34, oficina 501, Bogotá.")).toEqual([
      ["STREET_ADDRESS", "Calle 45 # 12-34, oficina 501"],
    ]);
    expect(found("Avenida Paulista, 1578 - Bela Vista, São Paulo - SP.")).toEqual([
      ["STREET_ADDRESS", "Avenida Paulista, 1578"],
    ]);
    expect(found("Nuestra tienda está en Av. Corrientes 1234, abierta de 9 a 18")).toEqual([]);
    expect(found("Hubo un accidente en Av. Libertador 4500 esta mañana")).toEqual([]);
    expect(found("A loja nova abre na Rua Oscar Freire 900 no sábado")).toEqual([]);
    expect(found("Km 23,5 da Rodovia dos Bandeirantes.")).toEqual([]);
  });

  it("finds an allergy as health data", () => {
    expect(found("Mi hija tiene alergia a la penicilina")).toEqual([
      ["HEALTH", "alergia a la penicilina"],
    ]);
  });
});

describe("streets written without a type, after an ordinal, or as directions", () => {
  it("takes a typeless street with a flat after its number, but not a room", () => {
    expect(found("Quedamos en Los Cedros 455, dpto 302")).toEqual([
      ["STREET_ADDRESS", "Los Cedros 455, dpto 302"],
    ]);
    expect(found("La reunión es en la Sala 204, piso 2")).toEqual([]);
    expect(found("Item 12 of 45: 3 boxes")).toEqual([]);
  });

  it("reads Quito's numbering and a corner after a typeless street", () => {
    expect(found("Mi dirección es Los Shyris N41-120")).toEqual([
      ["STREET_ADDRESS", "Los Shyris N41-120"],
    ]);
    expect(found("Domicilio: Mariscal López 1234 c/ Brasil, Asunción")).toEqual([
      ["STREET_ADDRESS", "Mariscal López 1234 c/ Brasil"],
    ]);
  });

  it("takes the ordinal before a street type and a building's name of several words", () => {
    expect(found("Dirección de envío: 5a Avenida 12-45 zona 1, Guatemala")).toEqual([
      ["STREET_ADDRESS", "5a Avenida 12-45 zona 1"],
    ]);
    expect(found("Endereço: Estrada do Coco, 3000, Condomínio Vila Verde, casa 8")).toEqual([
      ["STREET_ADDRESS", "Estrada do Coco, 3000, Condomínio Vila Verde, casa 8"],
    ]);
  });

  it("takes directions from a landmark and a km of a road where someone lives", () => {
    expect(found("vivo en el Barrio San José, de la iglesia 2 cuadras al sur")).toEqual([
      ["STREET_ADDRESS", "Barrio San José, de la iglesia 2 cuadras al sur"],
    ]);
    expect(found("De la Rotonda Güegüense 3 c. al lago, 1/2 c. abajo, es donde vivo")).toEqual([
      ["STREET_ADDRESS", "De la Rotonda Güegüense 3 c. al lago, 1/2 c. abajo"],
    ]);
    expect(found("la finca está en el km 12.5 carretera a El Salvador")).toEqual([
      ["STREET_ADDRESS", "km 12.5 carretera a El Salvador"],
    ]);
    expect(found("El estadio queda del parque 2 cuadras al sur")).toEqual([]);
  });
});

describe("units, corners and forms of each country", () => {
  it("takes an address of units alone, but not a product's lots", () => {
    expect(found("Dirección de envío: Col. Miraflores, bloque 7, casa 210, Tegucigalpa")).toEqual([
      ["STREET_ADDRESS", "Col. Miraflores, bloque 7, casa 210"],
    ]);
    expect(found("vivo en casa 4 del condominio Las Palmas")).toEqual([
      ["STREET_ADDRESS", "casa 4 del condominio Las Palmas"],
    ]);
    expect(found("El medicamento del lote 12, lote 13 vence en marzo")).toEqual([]);
  });

  it("keeps a corner street's capitalised words and drops what follows it", () => {
    expect(found("Pasen por Av. 10 de Agosto N23-40 y Colón mañana temprano")).toEqual([
      ["STREET_ADDRESS", "Av. 10 de Agosto N23-40 y Colón"],
    ]);
    expect(found("La dirección es Calle 12 con Av. 5E, casa 5E-20, Maracaibo")).toEqual([
      ["STREET_ADDRESS", "Calle 12 con Av. 5E, casa 5E-20"],
    ]);
    expect(found("me mudé a Eusebio Ayala 1200 c/ Perú así que cambien todo")).toEqual([
      ["STREET_ADDRESS", "Eusebio Ayala 1200 c/ Perú"],
    ]);
  });

  it("reads labels without a space and in JSON, and 'Antigo:'/'Novo:' in a change of address", () => {
    expect(found('{"direccion": "Avenida Artigas 250 c/ Colón"}')).toEqual([
      ["STREET_ADDRESS", "Avenida Artigas 250 c/ Colón"],
    ]);
    expect(found("Antigo: Rua Bahia 80. Novo: Travessa Goiás, 14, fundos")).toEqual([
      ["STREET_ADDRESS", "Rua Bahia 80"],
      ["STREET_ADDRESS", "Travessa Goiás, 14, fundos"],
    ]);
  });

  it("reads Costa Rica's distance-first directions, cardinal suffixes, 'Bis' and rural places", () => {
    expect(found("Mi casa queda 100 m norte y 50 oeste de la escuela de San Pedro")).toEqual([
      ["STREET_ADDRESS", "100 m norte y 50 oeste de la escuela"],
    ]);
    expect(found("Enviar a Blvd. Díaz Ordaz 130 Pte., Col. Santa María")).toEqual([
      ["STREET_ADDRESS", "Blvd. Díaz Ordaz 130 Pte., Col. Santa María"],
    ]);
    expect(found("Vivo en la Diagonal 40A Bis # 20-15")).toEqual([
      ["STREET_ADDRESS", "Diagonal 40A Bis # 20-15"],
    ]);
    expect(found("Dirección del paciente: Caserío Pampa Grande s/n, Cajamarca")).toEqual([
      ["STREET_ADDRESS", "Caserío Pampa Grande s/n"],
    ]);
  });

  it("takes a typeless street after 'la dirección … es' or before 'ahí es donde'", () => {
    expect(found("perdón, la dirección correcta es Sarmiento 2210, gracias")).toEqual([
      ["STREET_ADDRESS", "Sarmiento 2210"],
    ]);
    expect(found("Lavalleja 1830, ahí es donde tienen que dejar la heladera")).toEqual([
      ["STREET_ADDRESS", "Lavalleja 1830"],
    ]);
  });

  it("leaves a business whose hours follow, and a landmark named only as a reference", () => {
    expect(found("Nuestra bodega está en Ruta 3 km 40. Abre de lunes a sábado de 8 a 17.")).toEqual(
      [],
    );
    expect(found("Entregar en Bv. Oroño 1450 apto 3, al lado de la farmacia")).toEqual([
      ["STREET_ADDRESS", "Bv. Oroño 1450 apto 3"],
    ]);
    expect(found("O bloco sai da Praça XV às 9h")).toEqual([]);
    // A later sentence about the writer's company is not the address's own.
    expect(
      found(
        "O endereço de entrega é Rua das Flores, 1234, apto 56, São Paulo - SP. Já paguei às 09:41:27. O CNPJ da minha empresa vai na nota.",
      ),
    ).toEqual([["STREET_ADDRESS", "Rua das Flores, 1234, apto 56"]]);
    expect(found("Dirección: Cl. 34 # 65-08\nCorreo: ana@example.com")).toEqual([
      ["STREET_ADDRESS", "Cl. 34 # 65-08"],
    ]);
  });
});

describe("more of each country's forms", () => {
  it("reads Yucatán's cross streets, a floor and flat after the number, a km after a road's number", () => {
    expect(found("Dirección de entrega: Calle 60 x 45 y 47 #310, col. Centro, Mérida")).toEqual([
      ["STREET_ADDRESS", "Calle 60 x 45 y 47 #310, col. Centro"],
    ]);
    expect(found("Enviar a:\nAv. Callao 1020 3º C\nCABA")).toEqual([
      ["STREET_ADDRESS", "Av. Callao 1020 3º C"],
    ]);
    expect(found("vivo en Ruta Nacional 7 km 512, Junín")).toEqual([
      ["STREET_ADDRESS", "Ruta Nacional 7 km 512"],
    ]);
    expect(found("Domicilio: 4a. avenida 10-21, zona 1")).toEqual([
      ["STREET_ADDRESS", "4a. avenida 10-21, zona 1"],
    ]);
  });

  it("reads La Plata's streets between two others, a km and a half, Ecuador's solar and a tower's flat", () => {
    expect(found("Domicilio: Calle 7 Nº 1234 e/ 56 y 57, La Plata")).toEqual([
      ["STREET_ADDRESS", "Calle 7 Nº 1234 e/ 56 y 57"],
    ]);
    expect(found("Vivo en calle 13 entre 58 y 59 número 880")).toEqual([
      ["STREET_ADDRESS", "calle 13 entre 58 y 59 número 880"],
    ]);
    expect(found("Vivo en el km 5 1/2 vía a Samborondón")).toEqual([
      ["STREET_ADDRESS", "km 5 1/2 vía a Samborondón"],
    ]);
    expect(found("Mi dirección: Manzana 3 Solar 12")).toEqual([
      ["STREET_ADDRESS", "Manzana 3 Solar 12"],
    ]);
    expect(found("Dirección: Conjunto Residencial Los Robles, Torre 2, Apto 502")).toEqual([
      ["STREET_ADDRESS", "Conjunto Residencial Los Robles, Torre 2, Apto 502"],
    ]);
    expect(found("Moro na SQN 308 Bloco C apto 201")).toEqual([
      ["STREET_ADDRESS", "SQN 308 Bloco C apto 201"],
    ]);
  });

  it("takes a farm before its road, a block and lot with their street, and an address column", () => {
    expect(found("Endereço: Chácara Bela Vista, Rodovia GO-020, km 12")).toEqual([
      ["STREET_ADDRESS", "Chácara Bela Vista, Rodovia GO-020, km 12"],
    ]);
    expect(found("Calle y número: Mz 12 Lt 4, calle Pino")).toEqual([
      ["STREET_ADDRESS", "Mz 12 Lt 4, calle Pino"],
    ]);
    expect(found("nome;endereco;cidade\nAna;Estrada do Campo Limpo, km 9;Cotia")).toEqual([
      ["STREET_ADDRESS", "Estrada do Campo Limpo, km 9"],
    ]);
  });

  it("leaves a collection point, and reads 'Choque' as a surname, not a crash", () => {
    expect(found("Retire no ponto de coleta da Rua Bahia, 310 até sexta")).toEqual([]);
    expect(found("Entregar a Millaray Choque en Av. Los Incas 4759, int. 2")).toEqual([
      ["STREET_ADDRESS", "Av. Los Incas 4759, int. 2"],
    ]);
    expect(found("hubo un choque en el km 40 de la Panamericana, ¿mi pedido se atrasa?")).toEqual(
      [],
    );
  });
});

describe("treatment before a condition", () => {
  it("ties a condition to someone being treated, not to news of a treatment", () => {
    expect(found("Estou em tratamento para hepatite C")).toEqual([["HEALTH", "hepatite C"]]);
    expect(found("Aprueban un tratamiento nuevo contra la esclerosis múltiple")).toEqual([]);
  });
});
