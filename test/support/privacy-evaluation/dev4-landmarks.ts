/**
 * Addresses of public places and companies, which are not personal data: negatives for
 * dev4-sentences.ts.
 */
import { closes, day, negative, opens } from "./dev4-negative-frames.js";
import { pick, s, type Frame } from "./dev4-values.js";

export const esLandmarks = [
  "El Museo Nacional de Antropología está en Av. Paseo de la Reforma s/n, Bosque de Chapultepec",
  "El Teatro Colón queda en Cerrito 628, frente a la plaza",
  "La Casa Rosada está en Balcarce 50",
  "Nuestra sucursal Palermo está en Av. Santa Fe 3253, local 12",
  "La oficina del SAT más cercana está en Av. Hidalgo 77, Col. Guerrero",
  "El consulado atiende en Av. Providencia 2653, piso 12",
  "Pueden retirar en nuestra tienda de Jr. de la Unión 450, Cercado de Lima",
  "El Palacio de La Moneda está en Moneda s/n, Santiago",
  "La sede principal del banco está en Cra. 7 No. 32-16, Bogotá",
  "El Mercado del Puerto queda en Rambla 25 de Agosto de 1825",
  "Nuestro centro de distribución está en Ruta 2 km 38, Florencio Varela",
  "La clínica atiende en Av. Javier Prado Este 1066, San Isidro",
  "El Estadio Centenario está en Av. Dr. Américo Ricaldoni s/n",
  "La municipalidad recibe trámites en Av. Abancay 537, primer piso",
  "Encuéntranos en Blvd. Miguel de Cervantes Saavedra 303, Plaza Carso",
  "El registro civil funciona en Calle 26 # 13-19, módulo B",
  "Nuestro local de Quito está en Av. Amazonas N24-196 y Cordero, junto al banco",
  "La biblioteca municipal está en Mcal. López 1280, Asunción",
  "El Cristo de la Concordia se visita por la Av. Costanera, Cochabamba",
  "La Universidad Central queda en Av. Los Ilustres, Los Chaguaramos",
];

export const ptLandmarks = [
  "O Museu do Ipiranga fica na Rua dos Patriotas, 100",
  "O MASP fica na Av. Paulista, 1578",
  "A Catedral da Sé fica na Praça da Sé, s/n",
  "Nossa loja do centro fica na Rua XV de Novembro, 1200, loja 4",
  "A agência do INSS mais perto é na Av. Rio Branco, 156",
  "O Theatro Municipal fica na Praça Floriano, s/n, Cinelândia",
  "A Receita atende na Av. Presidente Vargas, 670, térreo",
  "O Mercado Central de BH fica na Av. Augusto de Lima, 744",
  "O Poupatempo da Sé fica na Rua do Carmo, s/n",
  "Nosso centro de distribuição fica na Rodovia Anhanguera, km 33",
  "A clínica fica na Rua Pamplona, 1000, 3º andar, sala 31",
  "O Detran atende na Av. Dr. Nilo Peçanha, 1400",
  "A sede da empresa é na Al. Rio Negro, 500, torre B, Alphaville",
  "O Mercado Modelo fica na Praça Visconde de Cayru, 250",
  "A prefeitura recebe protocolos na Rua Líbero Badaró, 425",
  "O Estádio do Maracanã fica na Av. Pres. Castelo Branco, portão 3",
  "Retire seu pedido no nosso quiosque do Shopping Iguatemi, Av. Brig. Faria Lima, 2232",
  "O cartório fica na Rua Marechal Floriano, 98, sobreloja",
  "O Hospital das Clínicas fica na Av. Dr. Enéas Carvalho de Aguiar, 255",
  "A biblioteca municipal fica na Rua da Consolação, 94",
];

/** The company's own words ("Nuestra sucursal…") are only told; a public place is also asked about. */
const ownWords = /^(Nuestr|Nuestro|Nossa|Nosso|Pueden|Encuéntranos|Retire)/;
const lowerFirst = (place: string) => place.replace(/^\S+/, (word) => word.toLowerCase());

/** One line per landmark or company address, in one of a few ways of asking or telling. */
export const landmarkFrames = (lang: "es" | "pt", landmarks: readonly string[]): Frame[] =>
  landmarks.map((place) =>
    negative("landmark-or-company-address", () => {
      const told =
        lang === "es"
          ? s`${place}. Abre de lunes a viernes de ${opens()} a ${closes()}.`
          : s`${place}. Funciona de segunda a sexta, das ${opens()} às ${closes()}.`;
      if (ownWords.test(place)) return told;
      return lang === "es"
        ? pick([
            told,
            s`Hola, una consulta: ${lowerFirst(place)}, ¿verdad? tengo que ir el ${day()}`,
            s`Según la página, ${lowerFirst(place)}. ¿Hay estacionamiento?`,
          ])
        : pick([
            told,
            s`Oi, só confirmando: ${lowerFirst(place)}, né? Vou lá dia ${day()}`,
            s`No site diz que ${lowerFirst(place)}. Tem estacionamento?`,
          ]);
    }),
  );
