/**
 * Writes test/fixtures/privacy/evaluation/dev2.jsonl: a second development set for the names,
 * street-address and health detectors, written by someone who had not seen their word lists or
 * patterns, nor the held-out set. Hand-written sentences mark their values inline —
 * `[N|name]`, `[A|address]`, `[H|condition]`, `[E|e-mail]`, `[P|phone]` — and hand-written frames
 * are filled from the lists below with a fixed seed, so a run rewrites the same file. The script
 * computes each span from the markers and checks that it slices back to its value. Run from the
 * repository root:
 *
 *   npx tsc --ignoreConfig --outDir .colibri-test/dev2 --module nodenext --target es2022 \
 *     --esModuleInterop --skipLibCheck --types node test/support/privacy-evaluation/dev2-sentences.ts
 *   node .colibri-test/dev2/test/support/privacy-evaluation/dev2-sentences.js
 *   rm -rf .colibri-test/dev2
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  evaluationLineSchema,
  type EvaluationLine,
  type EvaluationSpan,
} from "../../../tools/bench/privacy-evaluation-line.js";

type Lang = "es" | "pt";
/** [language, form, text with inline markers]; a text without markers is a negative. */
type Entry = [Lang, string, string];

const markerTypes: Record<string, string> = {
  N: "PERSON_NAME",
  A: "STREET_ADDRESS",
  H: "HEALTH",
  E: "EMAIL",
  P: "PHONE",
};

// ---------------------------------------------------------------- hand-written, es
const handEs: Entry[] = [
  // addresses
  ["es", "address", "vivo en [A|Av. Corrientes 1234, 3° B], cerca del Abasto"],
  ["es", "address", "mi casa queda en la [A|calle 45 #12-30], barrio Teusaquillo"],
  ["es", "address", "Me pueden mandar el pedido a [A|Jr. Ayacucho 345 int. 2], Cercado de Lima?"],
  ["es", "address", "La fiesta es en [A|Calz. de Tlalpan 2210 depto 5], col. Country Club"],
  ["es", "address", "Enviar factura a [A|Carrera 15 No. 93-47], Bogotá"],
  ["es", "address", "estamos en [A|pasaje Los Aromos 0345], Maipú, pasen cuando quieran"],
  ["es", "address", "Dirección: [A|Manzana 12 Lote 7], Asentamiento Humano Villa El Salvador"],
  ["es", "address", "Domicilio: [A|Av. 9 de Julio s/n], Resistencia, Chaco"],
  ["es", "address", "vivo en [A|Los Olivos 123], Miraflores, desde el año pasado"],
  ["es", "address", "Mi dirección nueva es [A|Cra 7 # 45-12 apto 301] por si me quieren visitar"],
  ["es", "address", "El departamento está en [A|Av. Providencia 1650, depto 1203], Providencia"],
  [
    "es",
    "address",
    "Nos mudamos a [A|Calle 10 de Agosto 455 y Av. Colón], Quito no, perdón, es en Guayaquil",
  ],
  ["es", "address", "dirección de entrega: [A|av. libertador 5800 piso 4 dto A], nuñez"],
  ["es", "address", "Lo espero en mi casa, [A|18 de Julio 1453 apto 702], Montevideo"],
  [
    "es",
    "address",
    "Mi abuela vive en la [A|Av. Bolívar, edificio Miramar, piso 3, apto 3-B], Caracas",
  ],
  [
    "es",
    "address",
    "Dejar el paquete en [A|Colonia Palmira, Calle Los Pinos casa 14], Tegucigalpa",
  ],
  [
    "es",
    "address",
    "Domicilio fiscal: [A|Blvd. Manuel Ávila Camacho 40 int 1702], Lomas de Chapultepec",
  ],
  ["es", "address", "mi tía vive en [A|av. javier prado este 4200], surco"],
  ["es", "address", "Estoy en [A|Diagonal 74 No. 2-15], llegué temprano"],
  ["es", "address", "Dirección: [A|Transversal 93 # 53-48 Int 4 Apto 502]"],
  ["es", "address", "[A|Calle Real de Guadalupe 34], San Cristóbal, ahí es la casa de mi familia"],
  ["es", "address", "Vivo en [A|Pje. San Martín 1180], Córdoba capital"],
  ["es", "address", "mi dire es [A|Av. Arequipa 2450 dpto 801], Lince"],
  [
    "es",
    "address",
    "Entregar en: [A|Privada de los Fresnos 17], Coyoacán, tocar el timbre 2 veces",
  ],
  ["es", "address", "Hola! me mudé, ahora estoy en [A|calle Sarmiento 845 PB], Rosario"],
  ["es", "address", "Por favor actualicen mi domicilio a [A|Av. Las Condes 11049 casa 12]"],
  ["es", "address", "Residencia: [A|Urb. Los Palos Grandes, 4ta Transversal, Qta. Maritza]"],
  ["es", "address", "el taller de mi papá está en [A|Av. Industrial 1020 bodega 3], no en la casa"],
  ["es", "address", "Vivo en [A|Calle 13 Sur # 25-60], Medellín, en El Poblado"],
  ["es", "address", "mándalo a [A|Av Insurgentes Sur 1605 piso 12], Benito Juárez"],
  ["es", "address", "Dirección del inquilino: [A|Cll 80 No 11-42 Apto 201 Torre 2]"],
  ["es", "address", "La casa de mis suegros: [A|Km 14.5 Carretera a El Salvador], Guatemala"],
  ["es", "address", "Mi dirección es [A|del Parque Central 200 metros al norte, casa 45], Heredia"],
  ["es", "address", "vivimos en [A|Av. Brasil 2850 of. 304], Pocitos"],
  ["es", "address", "Domicilio: [A|Av. Universitaria Mz. B Lt. 15], Los Olivos"],
  ["es", "address", "[A|Calle Alameda 1020 depto 34-B], Santiago, es donde recibo el correo"],
  ["es", "address", "mi hermano vive en [A|calle laprida 456 2do piso], lomas de zamora"],
  ["es", "address", "dirección: [A|avenida siempre viva 742]"],
  ["es", "address", "Te paso la dire: [A|Cra. 43A #1 Sur-100, Torre Sur, Of. 1102]"],
  ["es", "address", "Envíos a [A|Calle Moliendo 220 casa C], Arequipa"],
  [
    "es",
    "address",
    "Asunto: cambio de domicilio. Mi nuevo domicilio es [A|Av. Vallarta 3233 int. 8], Zapopan.",
  ],
  ["es", "address", "vivo en [A|Tucumán 1744 dpto 5]"],
  ["es", "address", "Estoy alquilando en [A|Av. Santa Fe 3253 5to C] con dos amigos"],
  ["es", "address", "Dirección: [A|Av Sucre, Res. Caracas, Piso 7 Apto 74], Los Dos Caminos"],
  [
    "es",
    "address",
    "favor entregar en [A|Residencial Las Colinas, pasaje 3, casa #22], San Salvador",
  ],
  ["es", "address", "la clínica me mandó la carta a [A|Av. Grau 650], pero ya no vivo ahí"],
  ["es", "address", "Mi domicilio: [A|C. Gral. Prim 23, Int. 4], Col. Juárez"],
  ["es", "address", "Estoy en [A|calle 72 n° 10-34 ofi 505], venite"],
  [
    "es",
    "address",
    "dirección de facturación: [A|Av. Javier Prado Oeste 757, of. 1101], Magdalena",
  ],
  ["es", "address", "Vivo en [A|Camino a Melipilla 8450], Maipú"],
  // health
  ["es", "health", "mi mamá es [H|diabética] y no puede comer eso"],
  ["es", "health", "Estoy [H|embarazada de 5 meses], ¿puedo viajar en avión?"],
  ["es", "health", "mi hijo tiene [H|TDAH] y le cuesta concentrarse en clase"],
  ["es", "health", "tomo fluoxetina por [H|depresión] desde hace dos años"],
  ["es", "health", "me diagnosticaron [H|lupus] la semana pasada, estoy asustada"],
  ["es", "health", "tengo la [H|presión alta], qué puedo desayunar?"],
  ["es", "health", "Mi abuelo fue operado de [H|cáncer de próstata] en marzo"],
  ["es", "health", "fue operada de [H|cáncer de mama] y ahora hace quimio"],
  ["es", "health", "mi sobrina tiene [H|síndrome de Down] y va a una escuela normal"],
  ["es", "health", "Diagnóstico: [H|CIE-10 E11]"],
  ["es", "health", "Soy [H|hipertenso] desde los 40, ¿es malo el café?"],
  ["es", "health", "Mi esposo tiene [H|Parkinson] y ya no puede manejar"],
  ["es", "health", "mi papá está internado por [H|neumonía], no voy a poder ir"],
  ["es", "health", "Ella vive con [H|VIH] desde hace 10 años y está bien"],
  ["es", "health", "soy [H|celíaca], hay opciones sin TACC?"],
  ["es", "health", "Tengo [H|ansiedad] y [H|ataques de pánico] cuando manejo"],
  ["es", "health", "Mi hija tiene [H|autismo] nivel 1, busco terapeuta"],
  ["es", "health", "me dio [H|dengue] la semana pasada y sigo sin fuerzas"],
  ["es", "health", "Mi mamá tiene [H|Alzheimer] y ya no me reconoce"],
  ["es", "health", "sufro de [H|migraña crónica] hace años"],
  ["es", "health", "Justifico falta: estuve con [H|covid] del 3 al 10 de mayo"],
  ["es", "health", "mi compañero es [H|epiléptico], qué hago si le da una crisis?"],
  ["es", "health", "Tengo [H|hipotiroidismo] y tomo levotiroxina"],
  ["es", "health", "Le detectaron [H|leucemia] a mi primo, necesitamos donantes"],
  ["es", "health", "Soy [H|bipolar] y estoy estable con litio"],
  ["es", "health", "tengo [H|artritis reumatoide] y me duelen las manos"],
  ["es", "health", "mi suegra tuvo un [H|infarto] el domingo"],
  ["es", "health", "Estoy con [H|depresión postparto] y no sé a quién pedir ayuda"],
  ["es", "health", "A mi tío le dio un [H|ACV] y quedó con la mitad del cuerpo paralizada"],
  ["es", "health", "me hicieron la prueba y salí positivo para [H|tuberculosis]"],
  ["es", "health", "Mi hijo de 3 años tiene [H|asma], qué inhalador es mejor?"],
  ["es", "health", "soy [H|diabético tipo 1] y uso bomba de insulina"],
  ["es", "health", "Certificado médico: el alumno presenta [H|varicela], reposo 7 días"],
  ["es", "health", "Código diagnóstico: [H|CIE-10 F32.1]"],
  ["es", "health", "tengo [H|hernia de disco] en la L5, no puedo cargar peso"],
  ["es", "health", "mi novio tiene [H|esquizofrenia] pero está en tratamiento"],
  ["es", "health", "Mi papá se está quedando ciego por el [H|glaucoma]"],
  ["es", "health", "Estoy en diálisis por [H|insuficiencia renal crónica]"],
  ["es", "health", "le diagnosticaron [H|esclerosis múltiple] a los 28"],
  ["es", "health", "Yo tengo [H|fibromialgia] y el frío me mata"],
  ["es", "health", "mi ex tiene [H|hepatitis C] y no me dijo nada"],
  ["es", "health", "Padezco [H|trastorno obsesivo compulsivo] desde chica"],
  ["es", "health", "Mi bebé nació con [H|cardiopatía congénita]"],
  ["es", "health", "estoy con [H|gastritis] otra vez, qué puedo comer?"],
  ["es", "health", "tengo [H|anorexia] y mi familia no sabe"],
  ["es", "health", "Mi abuela es [H|sorda] de un oído, hablen fuerte"],
  ["es", "health", "Le amputaron la pierna por la [H|diabetes] a mi vecino"],
  ["es", "health", "Soy [H|asmático] y el humo me hace mal"],
  ["es", "health", "me diagnosticaron [H|VPH] en el último papanicolau"],
  ["es", "health", "tengo [H|colesterol alto] y el médico me cambió la dieta"],
  // names
  ["es", "name", "[N|Rosa Quispe Mamani] me dijo que mañana no viene"],
  ["es", "name", "De parte de [N|Wilber Huamán Ccori], solicito constancia de trabajo"],
  ["es", "name", "Atte. Lic. [N|Marisol Choque Ticona]"],
  ["es", "name", "Saludos, [N|Yupanqui Condori Apaza]"],
  ["es", "name", "hablé con [N|Hiroshi Nakamura] del área de compras"],
  ["es", "name", "El titular es [N|Jorge Kowalski] pero la cuenta la usa su hija"],
  ["es", "name", "[N|María José de la Fuente Irarrázaval] — gerente general"],
  ["es", "name", "A/C Sra. [N|Nadia Haddad]"],
  ["es", "name", "La profe [N|Giulia Rossi] nos dejó tarea para el lunes"],
  [
    "es",
    "name",
    "Lista de invitados:\n1. [N|Ana Belén Pérez]\n2. [N|Juan Pablo Ríos]\n3. [N|Felipe Vargas Llosa]",
  ],
  ["es", "name", "[N|JUAN CARLOS MENDOZA ARIAS], DNI en trámite"],
  ["es", "name", "el que me atendió fue [N|pedro gonzález], muy amable"],
  ["es", "name", "Responsable: Ing. [N|Luis Alberto Del Castillo]"],
  ["es", "name", "Atendido por: [N|Cristian Sepúlveda]"],
  ["es", "name", "Firma: [N|Verónica Ximena Alarcón Muñoz]"],
  ["es", "name", "[N|Tito Quispe] y [N|Maruja Huanca] se casan en abril!!"],
  ["es", "name", "mi jefe, [N|Ramón Ortiz de Zárate], no me da vacaciones"],
  ["es", "name", "Nombre | Cargo\n[N|Ernesto Yupanqui] | Contador\n[N|Lucía Ticona] | Asistente"],
  ["es", "name", "hola, soy [N|Karen Villca], la mamá de Thiago"],
  ["es", "name", "Le escribe [N|Abdul Haddad Saade] por el tema del alquiler"],
  ["es", "name", "[N|Andrés Felipe Cárdenas] me debe plata hace meses"],
  ["es", "name", "Mi vecino Don [N|Aurelio Mamani] tiene un perro que ladra toda la noche"],
  ["es", "name", "Titular: [N|VALENTINA ROSSI BERTOLOTTI]"],
  ["es", "name", "Hablé con el doctor [N|Kenji Tanaka] ayer"],
  ["es", "name", "Por favor contactar a [N|Graciela van der Berg]"],
  ["es", "name", "Gracias [N|Matías Pietrobelli] por la ayuda!"],
  ["es", "name", "[N|Sebastián Kowalczyk] no pagó la cuota del club"],
  ["es", "name", "Alumno: [N|Brayan Steven Ccahuana]"],
  ["es", "name", "Le dije a la [N|Chabela Ruiz] que viniera temprano"],
  ["es", "name", "Estimado Sr. [N|Goldberg], le confirmo la reunión"],
  ["es", "name", "mi abuela [N|Eulalia Tzul] solo habla k'iche'"],
  ["es", "name", "[N|fernanda loayza] y [N|martín chávez] no vinieron hoy"],
  ["es", "name", "Empleado: [N|Omar Al-Khatib] (turno noche)"],
  ["es", "name", "Autoriza: Dra. [N|Patricia Inés O'Higgins]"],
  ["es", "name", "el contrato lo firmó [N|Mario Lee Wong]"],
  ["es", "name", "hablar con [N|Chepe Martínez] por lo del carro"],
  ["es", "name", "[N|Yolanda Pari] – recepción"],
  ["es", "name", "De: [N|Francisco Javier Huillca] Para: [N|Rocío Santisteban]"],
  ["es", "name", "La denuncia fue hecha por [N|Gladys Coaquira Limachi]"],
  ["es", "name", "Mi esposa [N|Xiomara Gutiérrez] y yo queremos adoptar"],
  // mixed
  [
    "es",
    "mixed",
    "[N|Carmen Huamán] vive en [A|Jr. Junín 560], Huancayo, y tiene [H|diabetes tipo 2]",
  ],
  [
    "es",
    "mixed",
    "Paciente: [N|Héctor Ruiz Díaz]. Domicilio: [A|Av. Rivadavia 6400, 2° A]. Dx: [H|EPOC]",
  ],
  [
    "es",
    "mixed",
    "Mi papá, [N|Álvaro Quintana], está internado por un [H|ACV] en el Hospital Central",
  ],
  [
    "es",
    "mixed",
    "Enviar los remedios de Doña [N|Teresa Lazo] a [A|Calle Los Cedros 233], es [H|hipertensa]",
  ],
  [
    "es",
    "mixed",
    "Nombre: [N|Juan Esteban Ospina]\nDirección: [A|Cl. 34 # 65-08]\nCorreo: [E|jeospina@hotmail.com]",
  ],
  [
    "es",
    "mixed",
    "Solicito traslado de [N|Nicolás Paredes], que tiene [H|insuficiencia cardíaca], a [A|Av. Italia 2600]",
  ],
  ["es", "mixed", "Remitente: [N|Patricia Kuroda], [A|Av. Pardo 440 dpto 12], Miraflores"],
  [
    "es",
    "mixed",
    "le escribo por mi hija [N|Camila Fuentes], que tiene [H|epilepsia], para pedir un permiso",
  ],
  ["es", "mixed", "[N|Sofía Torres] me contó que su mamá tiene [H|cáncer de pulmón]"],
  ["es", "mixed", "Soy [N|Gustavo Peralta], vivo en [A|calle Bolívar 1120], y soy [H|diabético]"],
];

// ---------------------------------------------------------------- hand-written, pt
const handPt: Entry[] = [
  ["pt", "address", "Moro na [A|Rua Cel. Oscar Porto, 800 - ap 12], Paraíso"],
  ["pt", "address", "O escritório fica na [A|R. Augusta 1500 cj 51], Consolação"],
  ["pt", "address", "minha avó mora na [A|Travessa do Ouvidor 17], centro do Rio"],
  ["pt", "address", "O sítio é na [A|Estrada do Galeão, km 3], Ilha do Governador"],
  ["pt", "address", "Endereço: [A|SQS 308 Bloco C Apto 201], Asa Sul"],
  ["pt", "address", "moro na [A|Quadra 5 Casa 12], Sobradinho"],
  ["pt", "address", "A fazenda fica na [A|Rodovia BR-101, km 45], perto de Itajaí"],
  ["pt", "address", "Logradouro: [A|Av. Sete de Setembro, 1840, apto 302]"],
  ["pt", "address", "entregar na [A|rua das flores 123 fundos], vila mariana"],
  ["pt", "address", "Meu endereço novo é [A|Al. Santos, 2200 - 8º andar], Jardins"],
  ["pt", "address", "Tô morando na [A|Av. Boa Viagem 3456 ap 1101], Recife"],
  ["pt", "address", "A entrega é na [A|R. Gen. Osório, 45, casa 2], Pelotas"],
  ["pt", "address", "Endereço de cobrança: [A|Rua Pe. Chagas 310, sala 4]"],
  ["pt", "address", "meu primo mora na [A|SHIN QI 5 Conjunto 8 Casa 10], Lago Norte"],
  ["pt", "address", "Endereço: [A|CLN 410 Bloco B sala 215]"],
  ["pt", "address", "Favor enviar para [A|Av. Paulista, 1578 - conj. 92]"],
  ["pt", "address", "Moro na [A|Rua Dr. Flores 264, bl. 2 ap. 33], Porto Alegre"],
  ["pt", "address", "vou estar na [A|rua 25 de março 1020 loja 8] o dia todo"],
  ["pt", "address", "Mandar a nota pra [A|Praça da Liberdade, 21], Savassi"],
  ["pt", "address", "Endereço residencial: [A|Rua Barão de Itapetininga 255, 3º andar]"],
  ["pt", "address", "meu endereço: [A|Av. Afonso Pena 4000 apto 1504] BH"],
  ["pt", "address", "a casa dela é na [A|Rua Sete, 77], Vila Nova, Goiânia"],
  ["pt", "address", "Estou na [A|Estrada dos Bandeirantes, 8500, casa 40], Vargem Pequena"],
  ["pt", "address", "Minha mãe mora na [A|Beco do Rato, 12], Lapa"],
  ["pt", "address", "CEP 01310-100, [A|Av. Paulista 900 andar 5]"],
  ["pt", "address", "meu ap: [A|R. Voluntários da Pátria 190/1203], Botafogo"],
  ["pt", "address", "Residência: [A|Ladeira do Pelourinho, 9], Salvador"],
  ["pt", "address", "Moro no [A|Conjunto Habitacional Santa Etelvina, Rua 10, casa 34]"],
  ["pt", "address", "Endereço: [A|Rod. SP-340 km 128,5], Jaguariúna"],
  ["pt", "address", "nos encontramos na minha casa, [A|Rua Teodoro Sampaio 1020 ap 71]"],
  ["pt", "address", "Logradouro: [A|Avenida Beira Mar Norte, 3300, bloco A, apto 804]"],
  ["pt", "address", "moro na [A|vila São José, rua B, nº 15], Maceió"],
  ["pt", "address", "O endereço do inquilino é [A|Rua Haddock Lobo 595, cj 32]"],
  ["pt", "address", "Mudei pra [A|Av. Ipiranga 6681 prédio 99 sala 1002], PUC"],
  ["pt", "address", "Entrega: [A|Rua Frei Caneca, 569 - apto 11B]"],
  ["pt", "address", "meu endereço é [A|Rua do Catete 228 casa 3] no Catete"],
  ["pt", "address", "Moro em [A|Quadra 104 Norte, Alameda 14, lote 20], Palmas"],
  ["pt", "address", "endereço pra entrega: [A|travessa são bento, 40], bairro são josé"],
  ["pt", "address", "Fico na [A|Rua Oscar Freire 1128 - ap 64] até sexta"],
  ["pt", "address", "Endereço do paciente: [A|Rua Tabapuã 1200 ap 42]"],
  ["pt", "address", "a gente mora na [A|Est. da Gávea 520 bl 1 ap 201], Rocinha"],
  ["pt", "address", "Domicílio: [A|Rua Marechal Deodoro, s/n], Centro"],
  ["pt", "address", "Me achem na [A|Av. Eng. Luís Carlos Berrini 1748, 12º andar]"],
  ["pt", "address", "Meu endereço em Fortaleza: [A|Rua Tibúrcio Cavalcante 2100 apto 600]"],
  ["pt", "address", "moro na [A|QNM 36 Conjunto P Casa 19], Taguatinga"],
  // health
  ["pt", "health", "sou [H|hipertenso] e esqueci o remédio em casa"],
  ["pt", "health", "ele é [H|soropositivo] mas a carga viral é indetectável"],
  ["pt", "health", "meu pai teve um [H|AVC] no sábado"],
  ["pt", "health", "minha tia está internada com [H|covid] no Hospital das Clínicas"],
  ["pt", "health", "convivo com [H|HIV] há 10 anos"],
  ["pt", "health", "sou portador de [H|epilepsia], posso tirar CNH?"],
  ["pt", "health", "Atestado: [H|CID 10 F41.1]"],
  ["pt", "health", "tenho [H|ansiedade] e [H|insônia] faz meses"],
  ["pt", "health", "Minha filha tem [H|TEA] e precisa de acompanhante na escola"],
  ["pt", "health", "minha mãe é [H|diabética] e precisa de insulina"],
  ["pt", "health", "estou [H|grávida de 7 semanas] e enjoando muito"],
  ["pt", "health", "meu marido tem [H|apneia do sono] e ronca demais"],
  ["pt", "health", "fui diagnosticada com [H|endometriose] ano passado"],
  ["pt", "health", "Tomo sertralina por causa da [H|depressão]"],
  ["pt", "health", "meu filho tem [H|TDAH], como falar com a escola?"],
  ["pt", "health", "Meu avô tem [H|Alzheimer] e fica agitado à noite"],
  ["pt", "health", "tô com [H|dengue], posso tomar dipirona?"],
  ["pt", "health", "a Júlia tem [H|doença de Crohn] e não pode comer fritura"],
  ["pt", "health", "sou [H|bipolar] e parei o lítio por conta própria"],
  ["pt", "health", "Minha irmã faz quimio para [H|linfoma]"],
  ["pt", "health", "tenho [H|hipotireoidismo] e engordei 10 kg"],
  ["pt", "health", "meu sogro é [H|cardíaco], não pode se estressar"],
  ["pt", "health", "Fui operada de [H|câncer de tireoide] em 2021"],
  ["pt", "health", "meu bebê nasceu com [H|sopro no coração]"],
  ["pt", "health", "estou com [H|tuberculose] e afastado do trabalho"],
  ["pt", "health", "Ela tem [H|esquizofrenia] e mora com a mãe"],
  ["pt", "health", "tenho [H|pressão alta] desde a gravidez"],
  ["pt", "health", "Meu irmão é [H|dependente químico] e está numa clínica"],
  ["pt", "health", "sou [H|celíaco], esse pão tem glúten?"],
  ["pt", "health", "tenho [H|psoríase] no couro cabeludo"],
  ["pt", "health", "Atestado médico: o funcionário apresenta [H|lombalgia aguda], CID [H|M54.5]"],
  ["pt", "health", "minha vó teve [H|infarto] e colocou stent"],
  ["pt", "health", "sofro de [H|síndrome do pânico]"],
  ["pt", "health", "meu filho tem [H|asma] e usa bombinha"],
  ["pt", "health", "descobri que tenho [H|sífilis], e agora?"],
  ["pt", "health", "Minha esposa tem [H|fibromialgia] e sente dor o tempo todo"],
  ["pt", "health", "o paciente é [H|tetraplégico] desde o acidente"],
  ["pt", "health", "eu tenho [H|transtorno de ansiedade generalizada]"],
  ["pt", "health", "meu tio está fazendo hemodiálise por [H|insuficiência renal]"],
  ["pt", "health", "minha filha nasceu com [H|síndrome de Down]"],
  ["pt", "health", "sou [H|deficiente visual] e uso leitor de tela"],
  ["pt", "health", "Estou com [H|herpes zoster] e dói muito"],
  ["pt", "health", "a professora disse que meu filho tem [H|dislexia]"],
  ["pt", "health", "Meu namorado tem [H|hepatite B]"],
  ["pt", "health", "estou com [H|burnout] e o médico me afastou 15 dias"],
  ["pt", "health", "minha mãe está com [H|câncer de ovário] em estágio 3"],
  ["pt", "health", "sou [H|obeso mórbido] e quero fazer a bariátrica"],
  ["pt", "health", "CID: [H|E10]. Paciente insulinodependente"],
  ["pt", "health", "ele tem [H|esclerose lateral amiotrófica]"],
  ["pt", "health", "tive [H|depressão pós-parto] no primeiro filho"],
  // names
  ["pt", "name", "falei com [N|Cícero Gomes da Silva] sobre o conserto"],
  ["pt", "name", "[N|Kauã Ferreira] faltou de novo hoje"],
  ["pt", "name", "Responsável: [N|Edvaldo Nascimento]"],
  ["pt", "name", "A/C [N|Francisca das Chagas Oliveira]"],
  ["pt", "name", "Att, [N|Rayane Cristina Souza]"],
  ["pt", "name", "Atenciosamente,\n[N|Thaís Yamamoto]"],
  ["pt", "name", "Assinado: [N|Jailson Bezerra dos Santos]"],
  ["pt", "name", "Titular: [N|MARIA APARECIDA DE JESUS]"],
  ["pt", "name", "atendido por [N|Wellington Haddad]"],
  ["pt", "name", "o [N|Chico Buarque] da contabilidade mandou a planilha"],
  ["pt", "name", "[N|joão pedro almeida] e [N|luana costa] estão no grupo B"],
  ["pt", "name", "Equipe:\n- [N|Gabriel Kowalski]\n- [N|Larissa Nakamura]\n- [N|Diego Rossi]"],
  ["pt", "name", "Minha chefe, Dona [N|Sônia Pires], não aprovou as férias"],
  ["pt", "name", "quem me indicou foi o Seu [N|Zé Raimundo]"],
  ["pt", "name", "[N|Antônio Carlos Jobim Neto] está na recepção"],
  ["pt", "name", "O inquilino é o Sr. [N|Nelson Takahashi]"],
  ["pt", "name", "Falei com a [N|Jéssica Vitória] do RH"],
  ["pt", "name", "Nome | Setor\n[N|Rafael Guimarães] | TI\n[N|Priscila Hoffmann] | Financeiro"],
  ["pt", "name", "[N|Maria do Socorro Lima] pediu segunda via do boleto"],
  ["pt", "name", "Paciente: [N|Raimunda Nonata Pereira]"],
  ["pt", "name", "beijos da Tia [N|Nenê Albuquerque]"],
  ["pt", "name", "Aluno: [N|Ryan Lucas Santos de Oliveira]"],
  ["pt", "name", "O motorista [N|Josué Tavares] chega às 8h"],
  ["pt", "name", "Cliente: [N|ADRIANA SCHMIDT WEBER]"],
  ["pt", "name", "Contato: [N|Vinícius de Moraes Filho]"],
  ["pt", "name", "oi, aqui é a [N|Bruna Kimura], mãe do Enzo"],
  ["pt", "name", "Dr. [N|Paulo Sérgio Farah] vai te atender"],
  ["pt", "name", "Encaminhar para [N|Taís Ribeiro Machado]"],
  ["pt", "name", "Conversei com [N|Luiz Inácio dos Reis] ontem à noite"],
  ["pt", "name", "minha sogra, dona [N|Cida Moura], vem passar o Natal"],
  ["pt", "name", "quem assina é [N|Ana Lúcia Dal Pizzol]"],
  ["pt", "name", "Vendedor: [N|Edinaldo Cavalcanti] - Loja 3"],
  ["pt", "name", "[N|Rosângela Yoshida] não respondeu o e-mail"],
  ["pt", "name", "por favor, avisem o [N|Márcio Zanetti]"],
  ["pt", "name", "Abraço, [N|Tião Macedo]"],
  ["pt", "name", "Recebido por: [N|Elisângela Matos]"],
  ["pt", "name", "O síndico Sr. [N|Otávio Campos Sales] marcou assembleia"],
  ["pt", "name", "o [N|Davi Lucca] e a [N|Maria Alice] são gêmeos"],
  ["pt", "name", "Testemunha: [N|Francisco Wagner de Sousa]"],
  ["pt", "name", "eu e a [N|Kelly Cristina Amaral] vamos dividir o apê"],
  // mixed
  [
    "pt",
    "mixed",
    "[N|Sebastião Pereira], morador da [A|Rua Goiás 88], é [H|diabético] e precisa de ajuda",
  ],
  [
    "pt",
    "mixed",
    "Paciente [N|Luciana Mendes], [A|Av. Brasil 500 ap 3], diagnóstico: [H|pneumonia]",
  ],
  [
    "pt",
    "mixed",
    "Nome: [N|Marcos Vinícius Rocha]\nEndereço: [A|Rua Bahia, 1020 - casa 2]\nE-mail: [E|mvrocha@gmail.com]",
  ],
  ["pt", "mixed", "minha vizinha Dona [N|Lourdes] mora na [A|Rua 7, casa 15] e tem [H|Parkinson]"],
  ["pt", "mixed", "O [N|Felipe Haddad] está com [H|covid] e não vem"],
  [
    "pt",
    "mixed",
    "Entregar remédio de [N|Josefa Alves] na [A|Travessa Santa Luzia 9], ela tem [H|hipertensão]",
  ],
  [
    "pt",
    "mixed",
    "Sou [N|Cláudia Nogueira], moro na [A|SQN 212 Bloco F apto 506] e tenho [H|lúpus]",
  ],
  ["pt", "mixed", "Falei com [N|Renata Okamoto]; ela disse que o pai dela tem [H|demência]"],
  ["pt", "mixed", "Remetente: [N|Joaquim Barbosa Lins], [A|Rua Aurora 1450], Recife"],
  [
    "pt",
    "mixed",
    "cadastro: [N|Wesley Santana] / [A|Av. Caxangá 3300 bloco 4 ap 201] / [P|(81) 99876-5432]",
  ],
];

// ---------------------------------------------------------------- negatives
const negatives: Entry[] = [
  ["es", "negative-health", "La diabetes tipo 2 afecta a millones de personas en la región"],
  ["es", "negative-health", "¿Cuáles son los síntomas del dengue?"],
  ["es", "negative-health", "La hipertensión es un factor de riesgo para el infarto"],
  ["es", "negative-health", "Campaña nacional de vacunación contra el sarampión"],
  ["es", "negative-health", "¿El VIH se transmite por la saliva?"],
  ["es", "negative-health", "Cómo prevenir el cáncer de mama: guía para docentes"],
  ["es", "negative-health", "El Alzheimer es la forma más común de demencia"],
  ["es", "negative-health", "Diferencias entre gripe y covid"],
  ["es", "negative-health", "El asma infantil aumenta en invierno según el ministerio"],
  ["es", "negative-health", "Resumí este artículo sobre la depresión en adolescentes"],
  ["es", "negative-health", "Qué alimentos se recomiendan para la gastritis?"],
  ["es", "negative-health", "El código CIE-10 se usa para clasificar enfermedades"],
  ["es", "negative-health", "La tuberculosis todavía es un problema de salud pública"],
  ["es", "negative-health", "¿Es contagiosa la varicela en adultos?"],
  ["es", "negative-health", "Explícame qué es el TDAH en términos sencillos"],
  ["es", "negative-health", "Día mundial de la lucha contra el cáncer infantil"],
  ["es", "negative-health", "Las personas con epilepsia pueden llevar una vida normal"],
  ["es", "negative-health", "Estudio: el ejercicio reduce el riesgo de Parkinson"],
  ["es", "negative-health", "Redacta un folleto sobre la prevención del VPH"],
  ["es", "negative-health", "Cuántas horas debe dormir un adulto para evitar la hipertensión?"],
  ["es", "negative-health", "El hospital abrió una unidad de diálisis con 20 puestos"],
  ["es", "negative-health", "Traducí al inglés: la obesidad es una enfermedad crónica"],
  ["es", "negative-health", "Qué vacunas necesito para viajar a Brasil?"],
  ["es", "negative-health", "La OMS declaró el fin de la emergencia por mpox"],
  ["es", "negative-health", "¿La fluoxetina engorda? Busco estudios"],
  ["es", "negative-address", "El museo está en la Av. Reforma, frente al Ángel"],
  ["es", "negative-address", "La estación Pueyrredón de la línea D queda lejos"],
  ["es", "negative-address", "¿Cómo llego al Estadio Nacional desde el aeropuerto?"],
  ["es", "negative-address", "La Avenida Presidente Riesco está cerrada por obras"],
  ["es", "negative-address", "El desfile pasa por la Avenida Bolívar a las 10"],
  ["es", "negative-address", "La Plaza de Mayo se llenó de gente"],
  ["es", "negative-address", "Hay mucho tráfico en la Panamericana Sur"],
  ["es", "negative-address", "el Parque Kennedy de Miraflores está lleno de gatos"],
  ["es", "negative-address", "La calle Florida es peatonal"],
  ["es", "negative-address", "El metro llega hasta la estación Universidad"],
  ["es", "negative-address", "La Carrera Séptima tiene ciclovía los domingos"],
  ["es", "negative-address", "Recomiéndame restaurantes en el barrio Palermo"],
  ["es", "negative-address", "La ruta 5 sur tiene peajes cada 100 km"],
  ["es", "negative-address", "El Zócalo es la plaza principal de la Ciudad de México"],
  ["es", "negative-address", "La Avenida 18 de Julio es la principal de Montevideo"],
  ["es", "negative-address", "Dónde queda el mercado de San Pedro en Cusco?"],
  ["es", "negative-address", "Cortaron la Av. Javier Prado por un choque"],
  ["es", "negative-address", "El Teatro Colón ofrece visitas guiadas"],
  ["es", "negative-address", "La Avenida Libertador Bernardo O'Higgins atraviesa Santiago"],
  ["es", "negative-address", "Cuál es el horario del Museo del Oro?"],
  ["es", "negative-brand", "Compré la heladera en Frávega con 12 cuotas"],
  ["es", "negative-brand", "El banco Santander cambió su app"],
  ["es", "negative-brand", "Me encanta la canción Despacito"],
  ["es", "negative-brand", "Vimos Relatos Salvajes anoche en el cine"],
  ["es", "negative-brand", "La cerveza Cristal auspicia el torneo"],
  ["es", "negative-brand", "Mercado Libre no me devolvió el dinero"],
  ["es", "negative-brand", "Pedí por Rappi y llegó frío"],
  ["es", "negative-brand", "El Toyota Corolla es el auto más vendido"],
  ["es", "negative-general", "Buenos días, necesito ayuda con una planilla de Excel"],
  ["es", "negative-general", "Escribe un poema sobre el otoño en los Andes"],
  ["es", "negative-general", "Cuánto es 15 por ciento de 2300?"],
  ["es", "negative-general", "Mañana hay paro de transporte en Lima"],
  ["es", "negative-general", "Traducí esta frase al portugués: la reunión se pospone"],
  ["es", "negative-general", "Hola! Cómo estás? Quiero practicar inglés"],
  ["es", "negative-general", "El partido de Colo-Colo terminó empatado"],
  ["es", "negative-general", "Necesito una receta de arepas sin gluten"],
  ["es", "negative-general", "Las elecciones son el domingo 26"],
  ["es", "negative-general", "Qué significa la palabra 'chévere'?"],
  ["es", "negative-general", "Resumen del capítulo 3 para la clase de historia"],
  ["es", "negative-general", "Cambié el aceite del auto a los 10.000 km"],
  ["es", "negative-general", "Buen día equipo, la reunión pasa a las 15 h"],
  ["es", "negative-general", "Calle, esquina y vereda son palabras de uso común"],
  ["es", "negative-general", "Paciencia, el pedido llega el martes"],
  ["es", "negative-general", "Dónde puedo comprar pasajes baratos a Cartagena?"],
  ["es", "negative-general", "Explícame la diferencia entre interés simple y compuesto"],
  ["es", "negative-general", "Los lunes el gimnasio abre a las 6"],
  ["es", "negative-general", "Feliz cumpleaños a todos los nacidos en marzo"],
  ["es", "negative-general", "La presión atmosférica baja antes de una tormenta"],
  ["pt", "negative-health", "Quais os sintomas da dengue?"],
  ["pt", "negative-health", "Campanha de vacinação contra HIV começa em maio"],
  ["pt", "negative-health", "O diabetes tipo 1 costuma aparecer na infância"],
  ["pt", "negative-health", "A hipertensão é chamada de assassina silenciosa"],
  ["pt", "negative-health", "Outubro Rosa: previna o câncer de mama"],
  ["pt", "negative-health", "Como funciona o tratamento da tuberculose pelo SUS?"],
  ["pt", "negative-health", "A depressão é a principal causa de afastamento no trabalho"],
  ["pt", "negative-health", "Explique o que é autismo para crianças"],
  ["pt", "negative-health", "Quanto tempo dura a imunidade da vacina da gripe?"],
  ["pt", "negative-health", "O Ministério da Saúde alerta para surto de sarampo"],
  ["pt", "negative-health", "Alimentos que ajudam a controlar o colesterol"],
  ["pt", "negative-health", "O que significa CID 10 no atestado?"],
  ["pt", "negative-health", "Escreva um texto sobre prevenção ao AVC"],
  ["pt", "negative-health", "A covid longa ainda é pouco estudada"],
  ["pt", "negative-health", "Hepatite C tem cura? Quero artigos científicos"],
  ["pt", "negative-health", "Setembro Amarelo: fale sobre saúde mental"],
  ["pt", "negative-health", "Qual a diferença entre ansiedade e síndrome do pânico?"],
  ["pt", "negative-health", "A sífilis voltou a crescer no país"],
  ["pt", "negative-health", "Como a asma é diagnosticada?"],
  ["pt", "negative-health", "Remédios para pressão alta podem causar tosse?"],
  ["pt", "negative-health", "O Alzheimer tem componente genético?"],
  ["pt", "negative-health", "A obesidade infantil triplicou em 30 anos"],
  ["pt", "negative-health", "Posto de saúde faz teste rápido de HIV de graça"],
  ["pt", "negative-health", "Dicas para dormir melhor e evitar insônia"],
  ["pt", "negative-health", "Quais exames detectam câncer de próstata?"],
  ["pt", "negative-address", "A feira fica na Rua 25 de Março"],
  ["pt", "negative-address", "A Avenida Presidente Vargas está interditada"],
  ["pt", "negative-address", "O MASP fica na Avenida Paulista"],
  ["pt", "negative-address", "O bloco sai da Praça XV às 9h"],
  ["pt", "negative-address", "Como chegar ao Cristo Redentor de metrô?"],
  ["pt", "negative-address", "A Rodovia dos Bandeirantes tem pedágio caro"],
  ["pt", "negative-address", "O Mercadão é perto da Rua da Cantareira"],
  ["pt", "negative-address", "A Esplanada dos Ministérios fica em Brasília"],
  ["pt", "negative-address", "Trânsito lento na Marginal Tietê sentido Castelo"],
  ["pt", "negative-address", "O Pelourinho é patrimônio da humanidade"],
  ["pt", "negative-address", "A Rua Oscar Freire é famosa pelas lojas"],
  ["pt", "negative-address", "Qual o melhor caminho para a Praia de Copacabana?"],
  ["pt", "negative-address", "A BR-116 é a maior rodovia do país"],
  ["pt", "negative-address", "Vou passear no Parque Ibirapuera domingo"],
  ["pt", "negative-address", "O show vai ser no Allianz Parque"],
  ["pt", "negative-address", "A Avenida Getúlio Vargas alaga quando chove"],
  ["pt", "negative-address", "Onde fica a estação Sé do metrô?"],
  ["pt", "negative-address", "O Teatro Amazonas fica em Manaus"],
  ["pt", "negative-address", "A orla de Boa Viagem tem ciclovia"],
  ["pt", "negative-address", "A Rua Augusta tem muitos bares"],
  ["pt", "negative-brand", "Comprei a geladeira nas Casas Bahia"],
  ["pt", "negative-brand", "O Magazine Luiza abriu loja nova no shopping"],
  ["pt", "negative-brand", "Ouvi Garota de Ipanema no rádio"],
  ["pt", "negative-brand", "Assisti Cidade de Deus pela terceira vez"],
  ["pt", "negative-brand", "O Bradesco mudou o aplicativo"],
  ["pt", "negative-brand", "Pedi no iFood e atrasou uma hora"],
  ["pt", "negative-brand", "A Natura lançou um perfume novo"],
  ["pt", "negative-brand", "As Lojas Americanas fecharam várias unidades"],
  ["pt", "negative-general", "Bom dia, preciso de ajuda com uma fórmula no Excel"],
  ["pt", "negative-general", "Escreva um poema sobre o sertão"],
  ["pt", "negative-general", "Quanto é 20 por cento de 350?"],
  ["pt", "negative-general", "Amanhã tem jogo do Flamengo"],
  ["pt", "negative-general", "Traduza para o espanhol: a reunião foi adiada"],
  ["pt", "negative-general", "Olá! Tudo bem? Quero aprender inglês"],
  ["pt", "negative-general", "Receita de pão de queijo sem lactose"],
  ["pt", "negative-general", "As eleições municipais são em outubro"],
  ["pt", "negative-general", "O que significa a gíria 'mó legal'?"],
  ["pt", "negative-general", "Resumo do capítulo 5 de Dom Casmurro"],
  ["pt", "negative-general", "Pessoal, a reunião mudou para as 14h"],
  ["pt", "negative-general", "Casa, rua e bairro são substantivos comuns"],
  ["pt", "negative-general", "Paciência, a entrega chega na terça"],
  ["pt", "negative-general", "Onde compro passagem barata para Salvador?"],
  ["pt", "negative-general", "Explique juros compostos com um exemplo"],
  ["pt", "negative-general", "A academia abre às 6 da manhã"],
  ["pt", "negative-general", "Parabéns a todos os aniversariantes do mês"],
  ["pt", "negative-general", "A pressão do pneu deve ser 32 libras"],
  ["pt", "negative-general", "Quantos km tem uma maratona?"],
  ["pt", "negative-general", "Feliz Natal e próspero Ano Novo a todos"],
  ["pt", "negative-general", "O condomínio vai pintar a fachada em janeiro"],
];

// ---------------------------------------------------------------- frames and lists
const namesEs = [
  "Luz Marina Quispe",
  "Efraín Choque Mamani",
  "Nilda Ticona",
  "Ronald Yupanqui Cusi",
  "Dayana Huamán",
  "Akira Nakamura",
  "Piotr Kowalski",
  "Samir Haddad",
  "Bianca Rossi",
  "José Luis de la Cruz",
  "María Fernanda Del Valle Soto",
  "Jhon Jairo Mosquera",
  "Yessenia Carhuamaca",
  "Wilmer Apaza Condori",
  "Ximena Zúñiga Vial",
  "Aníbal Ferreyra",
  "Karina Llanos",
  "Brenda Chumpitaz",
  "Nahuel Catriel",
  "Rigoberto Xol",
  "Mirtha Benítez Ayala",
  "Tomás Iturriaga",
  "Leidy Johana Ospina",
  "Rubén Darío Pacheco",
];
const namesPt = [
  "Cícero Araújo",
  "Kauã Henrique Lopes",
  "Edvaldo Santana",
  "Francisca Alves",
  "Rayane Mendes",
  "Thaís Nakamura",
  "Jailson Ferreira da Silva",
  "Gustavo Kowalski",
  "Nádia Haddad",
  "Luca Rossi",
  "Maria das Graças Souza",
  "Josineide Barros",
  "Valdirene Pinto",
  "Weverton Lima",
  "Ana Clara de Oliveira",
  "Raimundo Nonato Costa",
  "Yasmin Takeda",
  "Heloísa Zimmermann",
  "Erasmo Carvalho Neto",
  "Gleice Kelly Rocha",
  "Marinalva dos Santos",
  "Odair José Pacheco",
  "Iara Potiguara",
  "Tainá Guarani",
];
const framesNameEs = [
  "{N} solicita la devolución del depósito",
  "Hola, te habla {N}",
  "Reunión con {N} a las 4",
  "Le paso el contacto de {N}, es muy buena profesional",
  "Ayer vino {N} a preguntar por vos",
  "Responsable del turno: {N}",
  "Atentamente, {N}",
  "Favor de comunicarse con {N} en recepción",
  "¿Alguien conoce a {N}? Encontré su billetera",
  "Certifico que {N} trabaja en esta empresa desde 2019",
];
const framesNamePt = [
  "{N} pediu reembolso da compra",
  "Oi, aqui é {N}",
  "Reunião com {N} às 16h",
  "Te passo o contato de {N}, trabalha muito bem",
  "Ontem {N} veio perguntar de você",
  "Responsável pelo plantão: {N}",
  "Atenciosamente, {N}",
  "Favor procurar {N} na recepção",
  "Alguém conhece {N}? Achei a carteira",
  "Declaro que {N} trabalha nesta empresa desde 2019",
];
const addressesEs = [
  "Av. Belgrano 1520 piso 2",
  "calle 53 # 14-20",
  "Jr. Huallaga 711 dpto 3",
  "Av. Cuauhtémoc 1234 int. 6",
  "Pasaje Las Dalias 0872",
  "Mz. F Lt. 9",
  "Cra. 11 No. 82-01",
  "Av. Los Leones 1450 of. 602",
  "Calle Mercaderes 115",
  "Av. Rivadavia 4520 3° C",
  "Bv. Oroño 980",
  "Av. 6 de Diciembre N34-120",
  "Calle Sucre 23 casa 4",
  "Av. Venustiano Carranza 440",
  "Callejón del Beso 8",
  "Av. Arce 2519 edificio Torres, piso 9",
];
const addressesPt = [
  "Rua da Consolação 2300 ap 54",
  "Av. Rio Branco, 156, sala 1210",
  "R. Pamplona 145",
  "SQSW 304 Bloco D apto 102",
  "Quadra 12 Conjunto B Casa 7",
  "Travessa Rui Barbosa, 30",
  "Estrada Velha de Itapevi, km 7",
  "Rua Cel. Joaquim Lacerda 91 casa 3",
  "Av. Nossa Senhora de Copacabana 680 / 902",
  "Rod. BR-040, km 512",
  "Rua 15 de Novembro, 200 - 2º andar",
  "Al. Lorena 1304 cj 1808",
  "Rua Dom Pedro II, 1250, fundos",
  "Av. Getúlio Vargas 1550 bloco 2 ap 31",
  "Largo do Machado 29 loja B",
  "R. Capitão Salomão 40",
];
const framesAddressEs = [
  "Mi dirección es {A}, por si necesitan mandar algo",
  "envíen el paquete a {A} por favor",
  "Domicilio: {A}",
  "me mudé a {A} el mes pasado",
  "Nos juntamos en mi casa, {A}, a las 8",
  "Dirección de entrega: {A} (timbre roto, llamar)",
  "vivo en {A} hace 5 años",
];
const framesAddressPt = [
  "Meu endereço é {A}, caso precisem mandar algo",
  "enviem o pacote para {A} por favor",
  "Endereço: {A}",
  "me mudei para {A} mês passado",
  "Vamos nos encontrar lá em casa, {A}, às 20h",
  "Endereço de entrega: {A} (interfone quebrado, ligar)",
  "moro na {A} há 5 anos",
];
const healthEs = [
  "diabetes",
  "hipertensión",
  "depresión",
  "asma",
  "epilepsia",
  "cáncer de colon",
  "VIH",
  "esclerosis múltiple",
  "insuficiencia cardíaca",
  "artrosis",
  "hepatitis B",
  "trastorno bipolar",
];
const healthPt = [
  "diabetes",
  "hipertensão",
  "depressão",
  "asma",
  "epilepsia",
  "câncer de intestino",
  "HIV",
  "esclerose múltipla",
  "insuficiência cardíaca",
  "artrose",
  "hepatite B",
  "transtorno bipolar",
];
const framesHealthEs = [
  "mi papá tiene {H} y no quiere ir al médico",
  "Me diagnosticaron {H} y estoy buscando un especialista",
  "mi hermana vive con {H} desde chica",
  "Tengo {H}, ¿me conviene este seguro?",
  "El médico dice que mi abuela tiene {H}",
];
const framesHealthPt = [
  "meu pai tem {H} e não quer ir ao médico",
  "Fui diagnosticado com {H} e procuro especialista",
  "minha irmã convive com {H} desde pequena",
  "Tenho {H}, vale a pena esse plano de saúde?",
  "O médico disse que minha avó tem {H}",
];

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20_2026);
const pick = <T>(list: readonly T[]): T => {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error("empty list");
  return value;
};

function fill(
  lang: Lang,
  form: string,
  frames: readonly string[],
  values: readonly string[],
  marker: string,
  count: number,
): Entry[] {
  const out: Entry[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    const text = pick(frames).replace(`{${marker}}`, `[${marker}|${pick(values)}]`);
    if (used.has(text)) continue;
    used.add(text);
    out.push([lang, form, text]);
  }
  return out;
}

const framed: Entry[] = [
  ...fill("es", "name-frame", framesNameEs, namesEs, "N", 55),
  ...fill("pt", "name-frame", framesNamePt, namesPt, "N", 55),
  ...fill("es", "address-frame", framesAddressEs, addressesEs, "A", 40),
  ...fill("pt", "address-frame", framesAddressPt, addressesPt, "A", 40),
  ...fill("es", "health-frame", framesHealthEs, healthEs, "H", 30),
  ...fill("pt", "health-frame", framesHealthPt, healthPt, "H", 30),
];

/** Strips the markers and records where each value lands. */
function parse(marked: string): { text: string; spans: EvaluationSpan[] } {
  const spans: EvaluationSpan[] = [];
  const values: string[] = [];
  let text = "";
  let rest = marked;
  const marker = /\[([NAHEP])\|([^\]]+)\]/;
  for (let match = marker.exec(rest); match !== null; match = marker.exec(rest)) {
    const [whole, letter, value] = match;
    const type = markerTypes[letter ?? ""];
    if (type === undefined || value === undefined) throw new Error(`bad marker in ${marked}`);
    text += rest.slice(0, match.index);
    spans.push({ type, start: text.length, end: text.length + value.length });
    values.push(value);
    text += value;
    rest = rest.slice(match.index + whole.length);
  }
  text += rest;
  if (/\[[NAHEP]\|/.test(text)) {
    throw new Error(`unparsed marker in ${marked}`);
  }
  spans.forEach((span, index) => {
    const value = text.slice(span.start, span.end);
    if (value !== values[index] || value.trim() !== value) {
      throw new Error(`span "${value}" is not "${values[index] ?? ""}" in ${text}`);
    }
  });
  return { text, spans };
}

const entries = [...handEs, ...handPt, ...framed, ...negatives];
// Interleave deterministically so neighbouring ids mix languages and kinds.
const order = entries.map((entry) => ({ entry, key: random() }));
order.sort((a, b) => a.key - b.key);

const otherTexts = new Set(
  ["dev", "heldout"].flatMap((set) =>
    readFileSync(`test/fixtures/privacy/evaluation/${set}.jsonl`, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { text: string }).text),
  ),
);

// A line another set already holds is left out (counted, never printed: the held-out set stays
// unread).
const seen = new Set<string>();
let dropped = 0;
const kept = order
  .map(({ entry: [lang, form, marked] }) => ({ lang, form, ...parse(marked) }))
  .filter(({ text }) => {
    if (seen.has(text)) throw new Error(`duplicate line: ${text}`);
    seen.add(text);
    if (otherTexts.has(text)) dropped += 1;
    return !otherTexts.has(text);
  });
const lines: EvaluationLine[] = kept.map(({ lang, form, text, spans }, index) =>
  evaluationLineSchema.parse({
    id: `dev2-${String(index + 1).padStart(4, "0")}`,
    lang,
    kind: spans.length === 0 ? "negative" : "positive",
    form,
    text,
    spans,
  }),
);

writeFileSync(
  "test/fixtures/privacy/evaluation/dev2.jsonl",
  lines.map((line) => JSON.stringify(line)).join("\n") + "\n",
);
const spans = lines.flatMap((line) => line.spans);
const count = (type: string) => spans.filter((span) => span.type === type).length;
console.log(
  `dev2: ${lines.length} lines, ${dropped} left out as shared with another set (es ${lines.filter((line) => line.lang === "es").length}, negatives ${lines.filter((line) => line.kind === "negative").length}), names ${count("PERSON_NAME")}, addresses ${count("STREET_ADDRESS")}, health ${count("HEALTH")}`,
);
