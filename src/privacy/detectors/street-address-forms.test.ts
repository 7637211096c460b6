import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

const addresses = (text: string) =>
  scanText(text, { types: ["STREET_ADDRESS"] }).map((finding) =>
    text.slice(finding.start, finding.end),
  );

describe("street addresses: blocks, lots and the estate around them", () => {
  it("reads the street a block and lot face, with its own number and flats", () => {
    expect(addresses("Reginaldo Pereira\nQuadra 4, Lote 17, Rua C-8\nCuritiba")).toEqual([
      "Quadra 4, Lote 17, Rua C-8",
    ]);
    expect(addresses("moro na Quadra 9, Lote 4, Rua das Palmeiras e o vizinho reclama")).toEqual([
      "Quadra 9, Lote 4, Rua das Palmeiras",
    ]);
    expect(addresses("Moro em Quadra 104 Norte, Alameda 14, lote 20, Palmas")).toEqual([
      "Quadra 104 Norte, Alameda 14, lote 20",
    ]);
  });

  it("takes the estate named after units alone, but not prose, nor a city after a named estate", () => {
    expect(addresses("vivo en Mz. 222 villa 2, Alborada y el vecino deja basura")).toEqual([
      "Mz. 222 villa 2, Alborada",
    ]);
    expect(addresses("domicilio mz. 187 villa 26, sauces 4, guayaquil. motivo: control")).toEqual([
      "mz. 187 villa 26, sauces 4",
    ]);
    expect(addresses("vivo en Mz. 222 villa 2, pero me mudo pronto")).toEqual(["Mz. 222 villa 2"]);
    expect(
      addresses("Dirección de envío: Col. Miraflores, bloque 7, casa 210, Tegucigalpa"),
    ).toEqual(["Col. Miraflores, bloque 7, casa 210"]);
  });

  it("takes a house alone right after its estate and a comma, but not a district's sector", () => {
    expect(addresses("Moro no Condomínio Solar, casa 14")).toEqual(["Condomínio Solar, casa 14"]);
    expect(
      addresses("Jorge Luis Quispe\nMz. E5 Lote 17\nAA.HH. Villa El Salvador, sector 2"),
    ).toEqual(["Mz. E5 Lote 17"]);
    expect(addresses("moro na QNM 36 Conjunto P Casa 19, Taguatinga")).toEqual([
      "QNM 36 Conjunto P Casa 19",
    ]);
  });

  it("keeps the estate written right before units, without its comma", () => {
    expect(addresses("Domicilio: Urb. Los Jardines Mz. B Lt. 5, Trujillo")).toEqual([
      "Urb. Los Jardines Mz. B Lt. 5",
    ]);
    expect(addresses("vivo en Colonia Kennedy bloque 14 casa 2213, Tegucigalpa")).toEqual([
      "Colonia Kennedy bloque 14 casa 2213",
    ]);
  });
});

describe("street addresses: the neighbourhood after the address", () => {
  it("takes a colonia, an AA.HH., a zona or a barrio after the number, with all its words", () => {
    expect(addresses("denuncia basura en calle Alameda Sur número 703, colonia Centro.")).toEqual([
      "calle Alameda Sur número 703, colonia Centro",
    ]);
    expect(addresses("domicilio mz. d lt. 26, aa.hh. san martín, arequipa")).toEqual([
      "mz. d lt. 26, aa.hh. san martín",
    ]);
    expect(addresses("Calle 15 #200, zona San Pedro, La Paz es donde vivo")).toEqual([
      "Calle 15 #200, zona San Pedro",
    ]);
    expect(addresses("el paquete va a Calle 10 # 20-30 Barrio El Prado")).toEqual([
      "Calle 10 # 20-30 Barrio El Prado",
    ]);
  });
});

describe("street addresses typed in lower case", () => {
  it("takes a typed street whose words are no prose, when the number ends the address", () => {
    expect(addresses("visita 24/11: brenda flores, calle niños héroes 768, adulto mayor")).toEqual([
      "calle niños héroes 768",
    ]);
    expect(
      addresses("sem mais.\n\nmaria eduarda cardoso\nrua barão de mauá, 2519\ncampinas"),
    ).toEqual(["rua barão de mauá, 2519"]);
    expect(addresses("amanhã passo na casa dela na rua sete, s/n pra pegar as chaves")).toEqual([
      "rua sete, s/n",
    ]);
    expect(addresses("oi, o técnico pode vir na rua são bento 120, apto 3")).toEqual([
      "rua são bento 120, apto 3",
    ]);
  });

  it("leaves prices, counts and verbs after a street type", () => {
    expect(addresses("el pasaje cuesta 300, es caro")).toEqual([]);
    expect(addresses("fui por la avenida y tardé 40, un horror")).toEqual([]);
    expect(addresses("la calle estaba cerrada 2 horas por la marcha")).toEqual([]);
    expect(addresses("la avenida principal tiene 4 carriles")).toEqual([]);
  });

  it("reads a street without its type, its flat, bis or corner, typed in lower case", () => {
    expect(
      addresses("hoja de referencia: paciente iván morales, domicilio güemes 3488, palermo"),
    ).toEqual(["güemes 3488"]);
    expect(addresses("vivo en moreno 2338, piso 1, depto f, caballito")).toEqual([
      "moreno 2338, piso 1, depto f",
    ]);
    expect(addresses("daniela cárdenas, los cedros 531, dpto 508, la florida")).toEqual([
      "los cedros 531, dpto 508",
    ]);
    expect(addresses("el pedido va a soriano 1257 bis, lo recibe wendy")).toEqual([
      "soriano 1257 bis",
    ]);
    expect(
      addresses("me mudé a mcal. lópez 4681 c/ venezuela así que cambien la dirección"),
    ).toEqual(["mcal. lópez 4681 c/ venezuela"]);
    expect(addresses("artículo 41 bis de la ley federal del trabajo")).toEqual([]);
    expect(addresses("el modelo 2020 bis no sirve")).toEqual([]);
    expect(
      addresses("devoluciones al centro de distribución, camino a melipilla km 17, bodega 18"),
    ).toEqual([]);
  });

  it("reads Brasília's blocks, a road's type after an address word and the clause after it", () => {
    expect(addresses("moro na sqs 308 bloco c apto 504, asa sul, brasília")).toEqual([
      "sqs 308 bloco c apto 504",
    ]);
    expect(addresses("domicilio: camino carrasco 5418\nciudad: maldonado")).toEqual([
      "camino carrasco 5418",
    ]);
    expect(addresses("retira micaela en calle los aromos 932 después de las 15 h.")).toEqual([
      "calle los aromos 932",
    ]);
    expect(
      addresses("urgente ambulancia a privada de los fresnos 64 casa 28 mi mamá se cayó"),
    ).toEqual(["privada de los fresnos 64 casa 28"]);
    expect(
      addresses(
        "recoger en av. cristo redentor 821 y entregar en av. las acacias, torre b, piso 5",
      ),
    ).toEqual(["av. cristo redentor 821 y entregar", "av. las acacias, torre b, piso 5"]);
    expect(addresses("pasaje a cusco 350, ida y vuelta")).toEqual([]);
    expect(addresses("la ruta 40 tiene 5000 km")).toEqual([]);
    expect(addresses("quedé en la plaza 2 horas")).toEqual([]);
  });

  it("reads a lower-case corner after an address word as a street", () => {
    expect(addresses("vivo en calle larga 10-64 y hermano miguel, cuenca")).toEqual([
      "calle larga 10-64 y hermano miguel",
    ]);
  });
});

describe("street addresses: numbers, flats and corners of each country", () => {
  it("reads Quito's numbering after a typed street and a corner of several words", () => {
    expect(addresses("el pedido va a Av. Eloy Alfaro E7-130 y Shyris, lo recibe Cristian")).toEqual(
      ["Av. Eloy Alfaro E7-130 y Shyris"],
    );
    expect(
      addresses("Dirección de envío:\nAv. Amazonas 4480 y Gaspar de Villarroel, of. 6\nQuito"),
    ).toEqual(["Av. Amazonas 4480 y Gaspar de Villarroel, of. 6"]);
  });

  it("reads Yucatán's cross streets after the number and the streets a house stands between", () => {
    expect(addresses("la dirección de mi mamá: Calle 60 No. 491-A x 55 y 57, Centro")).toEqual([
      "Calle 60 No. 491-A x 55 y 57",
    ]);
    expect(addresses("Vivo en Calle Sucre 455 entre calles Bolívar y Olmedo")).toEqual([
      "Calle Sucre 455 entre calles Bolívar y Olmedo",
    ]);
  });

  it("reads a house's name with its number, a floor with its letter and a house without number", () => {
    expect(
      addresses(
        "con domicilio en Urb. La Trinidad, calle 10, quinta Mi Refugio N° 20 pido la baja",
      ),
    ).toEqual(["Urb. La Trinidad, calle 10, quinta Mi Refugio N° 20"]);
    expect(addresses("Residencia: Urb. Los Palos Grandes, 4ta Transversal, Qta. Maritza")).toEqual([
      "Urb. Los Palos Grandes, 4ta Transversal, Qta. Maritza",
    ]);
    expect(addresses("Vivo en Av. Corrientes 1234 piso 3° B, CABA")).toEqual([
      "Av. Corrientes 1234 piso 3° B",
    ]);
    expect(addresses("Vivo en Urb. El Paraíso, Calle 4, Casa Nro. 15")).toEqual([
      "Urb. El Paraíso, Calle 4, Casa Nro. 15",
    ]);
    expect(addresses("Domicilio: Sector La Pastora, calle 3, casa s/n")).toEqual([
      "Sector La Pastora, calle 3, casa s/n",
    ]);
  });

  it("reads a street named by one capital letter, the ground floor's flat and a housing unit", () => {
    expect(addresses("Moro na Rua A, 45, Conjunto Habitacional Padre Cícero")).toEqual([
      "Rua A, 45, Conjunto Habitacional Padre Cícero",
    ]);
    expect(addresses("Domicilio: Sarmiento 1234 PB B, Rosario")).toEqual(["Sarmiento 1234 PB B"]);
    expect(
      addresses("Vivo en Andador 12 Edif. 5 Depto. 302, Unidad Habitacional El Rosario"),
    ).toEqual(["Andador 12 Edif. 5 Depto. 302, Unidad Habitacional El Rosario"]);
  });

  it("keeps 's/n' after a street named with a number, and a house at the back", () => {
    expect(addresses("Meu endereço é Rua Projetada 4, s/n, Vila Nova")).toEqual([
      "Rua Projetada 4, s/n, Vila Nova",
    ]);
    expect(addresses("fica na Rua Antônio Carlos, 452, casa 3 dos fundos, portão cinza")).toEqual([
      "Rua Antônio Carlos, 452, casa 3 dos fundos",
    ]);
  });

  it("reads Uruguay's and Colombia's abbreviations and Guatemala's street numbered before its type", () => {
    expect(addresses("Entregar en Bvar. Artigas 1234 apto 5, Montevideo")).toEqual([
      "Bvar. Artigas 1234 apto 5",
    ]);
    expect(addresses("Vivo en Cno. Carrasco 4567")).toEqual(["Cno. Carrasco 4567"]);
    expect(addresses("Mi dirección es Rambla República de México 5500")).toEqual([
      "Rambla República de México 5500",
    ]);
    expect(addresses("Vivo en Diag. 74 # 1234, La Plata")).toEqual(["Diag. 74 # 1234"]);
    expect(addresses("entregar en 15 calle 3-20 zona 10 apto 4B")).toEqual([
      "15 calle 3-20 zona 10 apto 4B",
    ]);
  });

  it("takes a document's label for no street type", () => {
    expect(addresses("Paciente Cristian Apaza Torres, C.C. 1072978428, 31 años.")).toEqual([]);
    expect(addresses("Vivo en Calle 1072978 12")).toEqual([]);
  });
});

describe("street addresses without a type, and the words around them", () => {
  it("reads 'bis' after a house number, but not after a law's article", () => {
    expect(addresses("el pedido va a Soriano 1257 bis, lo recibe Wendy si no estoy")).toEqual([
      "Soriano 1257 bis",
    ]);
    expect(addresses("Según el Artículo 123 bis, el patrón debe pagar")).toEqual([]);
    expect(addresses("Paso 3 bis: reiniciar el equipo y El Capítulo 120 bis")).toEqual([]);
  });

  it("takes an order's delivery, a freight's route and a landmark of several words", () => {
    expect(addresses("el pedido va a pasaje rivarola 314, lo recibe nelly si no estoy")).toEqual([
      "pasaje rivarola 314",
    ]);
    expect(addresses("El flete tiene que pasar por Ruta 8 km 62, Pilar")).toEqual(["Ruta 8 km 62"]);
    expect(
      addresses("vivo de donde fue el cine Cabrera 2 cuadras al lago, casa 14, Managua"),
    ).toEqual(["de donde fue el cine Cabrera 2 cuadras al lago, casa 14"]);
  });

  it("ends a street without a number at its first words in capitals, over a corner's word", () => {
    expect(addresses("moro na Rua das Palmeiras e o vizinho Ademir Rocha deixa entulho")).toEqual([
      "Rua das Palmeiras",
    ]);
    expect(addresses("Mi casa está en Calle Comercio esq. Ayacucho")).toEqual([
      "Calle Comercio esq. Ayacucho",
    ]);
  });
});
