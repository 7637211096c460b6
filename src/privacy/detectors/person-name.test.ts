import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

const names = (text: string) =>
  scanText(text, { types: ["PERSON_NAME"] }).map((finding) =>
    text.slice(finding.start, finding.end),
  );

describe("person names: labels, particles and suffixes", () => {
  it("takes the run after a label that names a role, or a '… por:' label, for a name", () => {
    expect(names("Encargada de la bodega: Yesenia Quillahuaman")).toEqual(["Yesenia Quillahuaman"]);
    expect(names("Aprovado por: Dieyson Ramos")).toEqual(["Dieyson Ramos"]);
    expect(names("Motorista: Claudinei Moura")).toEqual(["Claudinei Moura"]);
    // A role's label before a team or a company, no word of which is on the lists: no name.
    expect(names("Elaborado por: Equipo de Soporte")).toEqual([]);
    expect(names("Remitente: Amazon México")).toEqual([]);
    // A meeting or a call may be with a company: no context.
    expect(names("Reunión con Telefónica el martes")).toEqual([]);
    // A label that names no role says nothing: "Producto: Leche Gloria".
    expect(names("Producto: Galletas Tentación")).toEqual([]);
  });

  it("takes no law for a person: 'Lei', 'Ley', 'Decreto' before its number", () => {
    expect(names("Pela Lei nº 13.709/2018 vocês podem pedir esses dados?")).toEqual([]);
    expect(names("Según la Ley 25.326 y el Decreto 1558/2001, no.")).toEqual([]);
  });

  it("reads a table's cells apart: a header cell is no context for the next one", () => {
    expect(names("Nombre | Turno\nRosaura Pillaca | Noche")).toEqual(["Rosaura Pillaca"]);
  });

  it("keeps particles in capitals and a name's suffix inside the name", () => {
    expect(names("Beneficiário: JOSEFA MARIA DOS ANJOS")).toEqual(["JOSEFA MARIA DOS ANJOS"]);
    expect(names("Firmó el acta Ana Lucía Del Río Paredes ayer")).toEqual([
      "Ana Lucía Del Río Paredes",
    ]);
    expect(names("O contrato foi assinado por Antônio Carlos de Souza Neto")).toEqual([
      "Antônio Carlos de Souza Neto",
    ]);
    expect(names("Escríbele a Ingrid van der Meer mañana")).toEqual(["Ingrid van der Meer"]);
  });

  it("knows the given names and surnames of Italian, German and Japanese descent", () => {
    expect(names("Ontem o Hiroshi Sato trouxe os documentos")).toEqual(["Hiroshi Sato"]);
    expect(names("El informe lo revisó Giulia Bianchi ayer")).toEqual(["Giulia Bianchi"]);
    // Their names that are Spanish or Portuguese words too are left out of the lists.
    expect(names("A safra do Mato Grosso cresceu")).toEqual([]);
    expect(names("Durante Carnaval el local cierra")).toEqual([]);
    // A given name that is a common word does not carry a run alone: "Bela Vista".
    expect(names("Fica na Avenida Paulista, 1000 - Bela Vista, São Paulo")).toEqual([]);
  });

  it("takes an unknown word and a surname before a verb in lower case for a sentence's subject", () => {
    expect(names("Dieyson Ramos ligou ontem para a loja")).toEqual(["Dieyson Ramos"]);
    expect(names("Llamé Gómez ayer y no contestó")).toEqual([]);
    expect(names("Informe Gómez: ventas de marzo")).toEqual([]);
    // Before two surnames, joined by a particle or not, inside a sentence.
    expect(names("Ontem Dieyson Ferreira da Costa veio buscar")).toEqual([
      "Dieyson Ferreira da Costa",
    ]);
  });

  it("keeps a known given name that looks like a verb at the start of a sentence", () => {
    expect(names("Edgar Mamani Quispe pidió el certificado")).toEqual(["Edgar Mamani Quispe"]);
  });

  it("reads a street named after someone's title and name as no person", () => {
    expect(names("Entregar na Rua Dr. Arnaldo, esquina")).toEqual([]);
    expect(names("Vivo en la calle General Urquiza desde enero")).toEqual([]);
    // After an address's number and a comma: its neighbourhood or city.
    expect(names("Envíalo a Calle Los Pinos 233, dpto 5, Martín Coronado")).toEqual([]);
    expect(names("Entrega: Quadra 4 Casa 12, Vicente Pires")).toEqual([]);
    // A year and a comma are no address.
    expect(names("En 2019, Rogelio Paucar abrió la tienda")).toEqual(["Rogelio Paucar"]);
  });

  it("finds a name typed in lower case when every word is on the lists, the last a surname", () => {
    expect(names("quien me vendió el auto fue rodrigo benítez, de la otra sucursal")).toEqual([
      "rodrigo benítez",
    ]);
    expect(names("hoje o plantão é da juliana carvalho e do marcelo antunes")).toEqual([
      "juliana carvalho",
      "marcelo antunes",
    ]);
    // Common words, given names alone or English words of the lists are no name.
    expect(names("la rosa torres del jardín y una luz blanca")).toEqual([]);
    expect(names("marcos de madeira e vidro")).toEqual([]);
    expect(names("you can then pick other media types")).toEqual([]);
    expect(names("tenemos un perro pastor alemán y un gato")).toEqual([]);
  });

  it("finds a name in lower case across the end of a piece as it finds it alone", () => {
    const sentence = "ayer hablé con rodrigo benítez sobre el pedido";
    for (let before = 4_070; before <= 4_095; before += 3) {
      const filler = `${"sin nada aqui ".repeat(300).slice(0, before - 2)}.\n`;
      const found = names(filler + sentence);
      expect(found).toEqual(["rodrigo benítez"]);
    }
  });
});

describe("person names: cues in lower case, greetings, brands and labels", () => {
  it("takes the words in lower case after 'me chamo' or 'soy' as a name when one is listed", () => {
    expect(names("boa tarde, me chamo heloísa brum, preciso de ajuda")).toEqual(["heloísa brum"]);
    expect(names("oi aqui é joão carlos da silveira do bloco b")).toEqual([
      "joão carlos da silveira",
    ]);
    expect(names("hola, soy ximena pacheco y tengo un reclamo")).toEqual(["ximena pacheco"]);
    // Unlisted words alone, or common words, are no name.
    expect(names("soy celíaca desde niña")).toEqual([]);
    expect(names("sou professora de história")).toEqual([]);
  });

  it("takes the run after 'oi, é a' or a greeting with a comma as the person's name", () => {
    expect(names("Oi, é a Jucileide, tudo bem?")).toEqual(["Jucileide"]);
    expect(names("Buenos días Rocío, ¿ya llegó el paquete?")).toEqual(["Rocío"]);
    expect(names("Boa noite, Iracema! Chegou?")).toEqual(["Iracema"]);
  });

  it("takes no brand, column name, form label, school or acronym for a name", () => {
    expect(names("compré el champú de la marca Dra. Ximena en oferta")).toEqual([]);
    expect(names("| Campo | Dato |\n|---|---|\n| Correo | x |")).toEqual([]);
    expect(names("Titular: Lucía Ferrer\nRelación: madre\nSeguro: Isapre")).toEqual([
      "Lucía Ferrer",
    ]);
    expect(names("Atenciosamente,\nProfa. Telma Rios\nEMEF Prof. Darcy Ribeiro")).toEqual([
      "Telma Rios",
    ]);
    expect(names("sou MEI e emito nota")).toEqual([]);
  });
});

describe("person names: kin, forwarding, signatures and public works", () => {
  it("takes the run after an in-law, 'enviado por' or before ', identificado con' as a name", () => {
    expect(names("El pago lo hizo mi suegra (Ayelén Quiroga) ayer")).toEqual(["Ayelén Quiroga"]);
    expect(names("Enviado por Jocimar Tavares: confira a planilha")).toEqual(["Jocimar Tavares"]);
    expect(names("Yo, Nayeli Ccahuana, identificada con DNI 40000000, solicito")).toEqual([
      "Nayeli Ccahuana",
    ]);
  });

  it("takes no author or performer of a public work for a person named as such", () => {
    expect(names("Li a autobiografia da Rita Lee no feriado")).toEqual([]);
    expect(names("¿Hay entradas para el concierto de Mercedes Sosa?")).toEqual([]);
    expect(names('Busco "Rayuela" de Julio Cortázar en bolsillo')).toEqual([]);
    // A name after "de" with no work before it is still someone's.
    expect(names("Es el auto de Ramiro Cortázar, mi vecino")).toEqual(["Ramiro Cortázar"]);
  });
});

describe("person names: common words that are names too", () => {
  it("opens a name with a month or a day that is a given name, before a listed name", () => {
    expect(names("Llamó Julio César Castillo López para reclamar")).toEqual([
      "Julio César Castillo López",
    ]);
    expect(names("Beneficiario: Marco Antonio Ortega Herrera")).toEqual([
      "Marco Antonio Ortega Herrera",
    ]);
    expect(names("la factura a nombre de Abril Vargas, por favor")).toEqual(["Abril Vargas"]);
    // Before no name, or before a particle, it is the month, the day or the noun.
    expect(names("El Marco Legal de la Primera Infancia")).toEqual([]);
    expect(names("Nos vemos el Domingo de Ramos")).toEqual([]);
  });

  it("keeps a surname that is a common word after a listed word of the name", () => {
    expect(names("Pessoal, Reginaldo Dias está afastado")).toEqual(["Reginaldo Dias"]);
    expect(names("Atenciosamente,\nMárcio Pinto Dias")).toEqual(["Márcio Pinto Dias"]);
    // After an unknown word it is the common word: "Bons Dias".
    expect(names("Faltam Poucos Dias para a festa")).toEqual([]);
  });

  it("takes no bank after a name and a comma for the next name of a list", () => {
    expect(names("tá no nome de Davi Correia, Nubank")).toEqual(["Davi Correia"]);
    expect(names("Presentes: Edvaldo Cavalcanti, Caio Magalhães")).toEqual([
      "Edvaldo Cavalcanti",
      "Caio Magalhães",
    ]);
  });
});

describe("person names: surnames first", () => {
  it("takes a list's line of surnames, a comma and given names for one name", () => {
    expect(names("Turma 5ºB:\n1. Carvalho, Lívia\n2. Dias, Cláudio (TDAH)")).toEqual([
      "Carvalho, Lívia",
      "Dias, Cláudio",
    ]);
    expect(names("Lista:\n- Caballero Guzmán, Marco Antonio\n- do Carmo, Simone")).toEqual([
      "Caballero Guzmán, Marco Antonio",
      "do Carmo, Simone",
    ]);
    // After a list's marker, a surname the lists lack; without one, every word must be listed.
    expect(names("Turma:\n1. Bezerra, Priscila\n2. Rocha, Beatriz")).toEqual([
      "Bezerra, Priscila",
      "Rocha, Beatriz",
    ]);
    expect(names("Bezerrão, Priscila")).toEqual(["Priscila"]);
    // A place and its region, or a header, is no name.
    expect(names("Envíos:\n1. Mendoza, Argentina\n2. Salvador, Bahia")).toEqual([]);
    expect(names("Apellidos, Nombres")).toEqual([]);
  });
});

describe("person names in lower case: particles, streets and roles", () => {
  it("reads a particle between listed words, and a listed word after the surname", () => {
    expect(names("pessoal, lucas do carmo castro está afastado")).toEqual([
      "lucas do carmo castro",
    ]);
    expect(names("visita 24/11: brenda flores tito, calle 5")).toEqual(["brenda flores tito"]);
  });

  it("takes no street named after someone for a name in lower case", () => {
    expect(names("vai ter feira na rua teodoro sampaio no sábado?")).toEqual([]);
    expect(names("estamos en blvd. miguel de cervantes saavedra 303")).toEqual([]);
  });

  it("takes a lone given name in lower case after words that say who does something", () => {
    expect(names("se eu não tiver, quem recebe é leandro")).toEqual(["leandro"]);
    expect(names("el pedido lo recibe nelly si no estoy")).toEqual(["nelly"]);
    expect(names("hola doctor, le escribe mayra, la hija")).toEqual(["mayra"]);
    expect(names("informamos que seu filho arthur foi diagnosticado")).toEqual(["arthur"]);
    expect(names("la alumna nelly tito no podrá venir")).toEqual(["nelly tito"]);
    // A common word, or a given name that is one too, is no name.
    expect(names("lo recibe mañana si no estoy")).toEqual([]);
    // "la" before a noun is the article: "máxima" is a given name too.
    expect(names("La temperatura máxima será de 31 °C")).toEqual([]);
    expect(names("quem manda é luz, a dona da casa")).toEqual([]);
  });
});

describe("person names: codes after a name, companies", () => {
  it("reads a name up to a code glued to digits in the next cell", () => {
    expect(names("Nombre\tCI\tCiudad\nJoaquín Villalba Chávez\tV14124947\tMaracaibo")).toEqual([
      "Joaquín Villalba Chávez",
    ]);
  });

  it("takes no company with its legal form for a person, even one named after someone", () => {
    expect(names("Razão social: Auto Peças Rio Verde Ltda.\nCNPJ: x")).toEqual([]);
    expect(names("Proveedor: Transportes Quispe Mamani S.A.C., RUC x")).toEqual([]);
    expect(names("Cliente: Construtora Almeida EIRELI")).toEqual([]);
    // A surname in capitals after a given name is still a name.
    expect(names("Paciente Ana SÁ, 40 años")).toEqual(["Ana SÁ"]);
  });
});

describe("person names: an identifier's owner, short closings", () => {
  it("takes a listed name after an identifier's word, its value and 'de' as its owner", () => {
    expect(names("le mando el C.I. 0556305159 de Franco para el seguro")).toEqual(["Franco"]);
    // An unlisted word there is a document's name or a place: no name.
    expect(names("traje la Cédula de Identidad vencida")).toEqual([]);
  });

  it("takes the name under a short closing ('Abs,', 'Bjs,') for the writer's", () => {
    expect(names("Qualquer coisa me avisa.\nAbs,\nCleiton")).toEqual(["Cleiton"]);
  });
});

describe("person names: a payroll's label, a message passed on", () => {
  it("takes the runs after a 'Nómina' label with a listed word for names", () => {
    expect(names("Nómina de turno noche: Kusi Maldonado, Emiliano Londoño Villca")).toEqual([
      "Kusi Maldonado",
      "Emiliano Londoño Villca",
    ]);
    expect(names("Nómina de sueldos: Enero")).toEqual([]);
  });

  it("takes no form's label, report's title, pronoun or Brasília sector for a name", () => {
    expect(names("Apellido y nombre / Razón social:\nDELFINA YUNIS ARÉVALO")).toEqual([
      "DELFINA YUNIS ARÉVALO",
    ]);
    expect(names("SUMÁRIO DE ALTA\nPaciente: LUÍZA GONÇALVES")).toEqual(["LUÍZA GONÇALVES"]);
    expect(names("> Edwin Pech escribió:\n> Les aviso que me mudé.")).toEqual(["Edwin Pech"]);
    expect(names("moradora Ana Clara Salomão, SHIS QI 11 conjunto 5")).toEqual([
      "Ana Clara Salomão",
    ]);
  });

  it("leaves a public figure's name alone where the text speaks of no one in particular", () => {
    expect(names("Escribí un párrafo sobre Gabriela Mistral para chicos de 5º grado.")).toEqual([]);
    expect(names("Faz um resumo sobre Tarsila do Amaral para a aula de artes.")).toEqual([]);
    // A private person may bear the name: a patient, kin, an identifier's word say so.
    expect(names("Paciente Luis Díaz, 34 años, control en 30 días.")).toEqual(["Luis Díaz"]);
    expect(names("Mi vecino Luis Díaz dejó la basura en la vereda.")).toEqual(["Luis Díaz"]);
    expect(names("Factura para Luis Díaz, RUT 12.345.678-5")).toEqual(["Luis Díaz"]);
  });

  it("takes the run after 'dile a' or 'avísale a' for the person told", () => {
    expect(names("oye, dile a Wayra Cusi que traiga los papeles")).toEqual(["Wayra Cusi"]);
  });
});

describe("person names: the Virgin's invocations and shops", () => {
  it("takes no invocation of the Virgin for a person, and still the señora named so", () => {
    expect(names("Procissão de Nossa Senhora dos Navegantes em Porto Alegre")).toEqual([]);
    expect(names("¿La fiesta de Nuestra Señora de Guadalupe es feriado?")).toEqual([]);
    expect(names("La procesión de la Virgen del Carmen sale a las 18:00.")).toEqual([]);
    expect(names("La señora Guadalupe Ríos llamó ayer.")).toEqual(["Guadalupe Ríos"]);
    expect(names("Falei com a senhora Penha Souza ontem.")).toEqual(["Penha Souza"]);
  });

  it("takes the shop a 'Tiendas', 'Lojas' or 'Farmacias' names for no person", () => {
    expect(names("Tiendas Ripley subió sus precios en enero.")).toEqual([]);
    expect(names("As Lojas Renner abrem domingo?")).toEqual([]);
    expect(names("Fui à farmácia com a Ana Gómez.")).toEqual(["Ana Gómez"]);
  });
});

describe("person names: Korean given names", () => {
  it("reads a hyphenated given name whose second part is in lower case as one word", () => {
    expect(names("Ayer llamó la señora Seo-yeon Paredes para confirmar.")).toEqual([
      "Seo-yeon Paredes",
    ]);
    expect(names("O associado Ji-ho Ferreira pediu a segunda via.")).toEqual(["Ji-ho Ferreira"]);
  });
});
