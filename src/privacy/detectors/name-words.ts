/**
 * The words around person names, folded (lower case, no accents): what is never part of a name,
 * what turns the next words into a place, and what says a name follows.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Between a given name and a surname, or two surnames: "María de la Cruz", "João da Silva". */
export const nameParticles = words("de del la las los da das do dos y e d di van von der den");

/** After a name, part of it: "Vinícius de Moraes Filho", "Carlos Gómez Jr.". */
export const nameSuffixes = words("filho neto junior jr sobrinho");

/**
 * Capitalised words that are no name: articles, pronouns, sentence openers, greetings, months,
 * days, forms' labels and common nouns that start a heading or a sentence.
 */
export const stopWords = words(`
  a o as os el la las los lo un una unos unas uno um uma uns umas al ao aos del da das do dos de
  y e ni o u mas pero porem porque pois que quien quem cual qual cuando quando donde onde como
  cuanto quanto cuantos quantos por para con com sin sem en em no na nos nas sobre entre hasta ate
  desde hacia segun sob tras ante contra
  yo eu tu vos voce voces usted ustedes el ella ele ela ellos ellas eles elas nosotros nosotras
  nos vosotros les lhes mi mis meu minha meus minhas tu tus teu tua su sus seu sua seus suas nuestro nuestra
  nosso nossa este esta esto estos estas ese esa eso esos esas aquel aquela aquele isto isso aquilo
  aqui ali alli aca hoy hoje ayer ontem manana amanha ahora agora ya ja siempre sempre nunca nao
  si sim tambien tambem tampoco solo so muy muito mucho mucha pouco poco mais menos
  hola ola oi buenos buenas buen bom boa bons boas dia dias tarde tardes noche noches noite noites
  gracias obrigado obrigada querido querida estimado estimada prezado prezada caro cara senores
  atentamente atenciosamente saludos saudacoes cordialmente abracos abrazos att atte besos beijos
  enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
  diciembre janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro
  lunes martes miercoles jueves viernes sabado domingo segunda terca quarta quinta sexta feira
  nombre nombres apellido apellidos nome nomes sobrenome firma assinatura fecha data paciente
  cliente usuario senor senora senorita senhor senhora dona don dom dr dra sr sra srta lic ing prof
  doctor doctora doutor doutora profesor profesora professor professora ingeniero licenciado
  padre madre pai mae hijo hija filho filha hermano hermana irmao irma esposo esposa marido mujer
  tio tia abuelo abuela avo primo prima amigo amiga jefe jefa chefe papa mama papai mamae
  real atletico deportivo sporting racing universitario club independiente
  casa hospital clinica centro calle avenida rua travessa carrera jiron pasaje plaza praca parque
  shis shin sqn sqs sqsw sqnw qi ql qnl
  barrio bairro ciudad cidade estado provincia municipio departamento distrito region regiao pais
  norte sur sul este oeste leste nacional federal estadual municipal central general
  banco empresa grupo universidad universidade instituto escuela escola colegio ministerio
  secretaria gobierno governo prefeitura alcaldia tribunal corte camara senado congreso
  mercado tienda tiendas loja lojas farmacia farmacias drogaria drogarias supermercado
  supermercados restaurante hotel club clube iglesia igreja museo museu teatro
  estadio aeropuerto aeroporto estacion estacao shopping edificio torre sala oficina escritorio
  razon social sumario resumen resumo informe laudo alta
  pedido orden ordem factura fatura nota protocolo ticket numero codigo total valor precio preco
  cpf cnpj rg cnh curp rfc rut dni cuit nit ruc cedula cep email telefono telefone celular
  whatsapp pix sus imss issste
  diabetes vih hiv sida aids cancer covid dengue zika asma
  dios deus jesus cristo virgen virgem nuestra senor
  santo santa san sao sant
  nuevo nueva novo nova gran grande viejo vieja velho velha alto alta bajo baixa
  feliz navidad natal pascua pascoa ano anos
  independencia independente libertad liberdade revolucion revolucao republica constitucion
  constituicao reforma patria
  lei ley leis leyes decreto decretos portaria inciso
  ok sim no yes hello hi dear thanks please
`);

/** "San Pedro", "São Paulo", "Puerto Montt", "Villa María": the next word names a place. */
export const placePrefixes = words(`
  san santa santo sao sant ciudad cidade rio puerto porto villa vila mar punta nuevo nueva novo
  nova monte cerro lago laguna isla ilha bahia baia valle vale serra sierra colonia barrio bairro
  jardim jardin fort fuerte
`);

/**
 * Streets, institutions and places named after people ("Avenida Simón Bolívar", "Hospital
 * Albert Einstein", "Colegio San José"): the rest of the capitalised words are that place.
 */
export const placeNouns = words(`
  calle avenida av avda rua travessa carrera cra jiron jr pasaje psje diagonal transversal camino
  boulevard bulevar blvd calzada callejon privada prolongacion alameda praca plaza rodovia estrada
  largo ladeira beco viela paseo autopista carretera ruta via
  hospital clinica policlinico sanatorio instituto universidad universidade facultad faculdade
  escuela escola colegio liceo jardin fundacion fundacao asociacion associacao sociedad sociedade
  museo museu teatro estadio aeropuerto aeroporto estacion estacao parque edificio condominio
  conjunto residencial barrio bairro colonia urbanizacion urb villa vila plaza shopping centro
  iglesia igreja parroquia paroquia capilla capela santuario catedral basilica banco premio cine
  tienda tiendas loja lojas farmacias drogaria drogarias supermercado supermercados
  cinema biblioteca
  ministerio secretaria tribunal juzgado comarca provincia estado departamento municipio
  empresa companhia compania grupo hotel restaurante mercado supermercado farmacia drogaria
  rua avenida
  ee eee eeef emef emei etec cei cmei ie iep
`);

/**
 * Inside a run, words that open a building, a block or a public programme's name, as
 * `placeNouns` do ("PH Torres del Mar", "Mz. F3", "Bolsa Família", "Auxílio Brasil"); unlike
 * them, said before a run they make it no place ("la pensión de Ana Ruiz" is hers).
 */
export const buildingAndProgrammeWords = words(`
  ph mz cdla ciudadela edif bolsa auxilio asignacion programa beca
`);

/**
 * Ranks and titles that stand between a street's word and the person it is named after:
 * "Rua Dr. Flores", "Avenida Presidente Vargas", "Calle General Paz".
 */
export const streetHonorifics = words(`
  dr dra doctor doutor prof profa professor presidente pres general gral gen coronel cel
  capitan cap teniente tte almirante alm marechal mal senador sen deputado dep governador
  ministro ingeniero ing padre frei fray dom don dona mariscal sargento comandante brigadeiro
  visconde barao conde duque princesa rainha brig mcal gob pdte cmte alte sgto
`);

/** Titles and words that say a person's name follows ("Sr.", "Dra.", "paciente"). */
export const titleWords = words(`
  sr sra srta sres senor senora senorita senhor senhora senhorita don dona dr dra doctor doctora
  doutor doutora lic licenciado licenciada ing ingeniero ingeniera prof profa profesor profesora
  professor professora mtro mtra maestro maestra abogado abogada advogado advogada enfermero
  enfermera enfermeiro enfermeira paciente cliente profe seu
  hola ola oi querido querida estimado estimada prezado prezada caro cara papa mama papai mamae
`);

/**
 * Given names that are also common words or places ("Rosa", "Luz", "Lima", "Victoria"): alone,
 * without a context word, they are not taken for a name.
 */
export const ambiguousGivenNames = words(`
  rosa luz paz cruz mar sol cristal bela bella linda lima santiago victoria vitoria mercedes dolores pilar angeles consuelo
  rocio esperanza amparo gloria alegria socorro milagros fe trinidad concepcion asuncion
  florencia valencia salvador regina ventura franco leal rey reyes angel angela justo clemente
  soledad aurora estrella jesus guadalupe sierra moreno blanco blanca rubio
  domingo bruno dalia violeta margarita jazmin flor hortensia celeste cielo diamante esmeralda
  rio grande costa sales prado campos barros pinto rocha branco pereira leon lobo oliva
  dean will mark may june april hope joy grace faith rich guy major king rose summer autumn
  bill grant chase lane page young love long iris ivy jade ruby pearl amber dawn crystal sky
  china india paris london berlin roma milan dallas austin houston phoenix jackson lincoln
  dakota georgia virginia florida nevada montana alabama tennessee madison brooklyn
  america asia africa europa natal belem rosario cordoba merida trujillo
`);

/**
 * Given names that are also a month, a day or a holy name, and so stop words ("Julio", "Abril",
 * "Marco", "Domingo", "Jesús"): before a listed given name or surname they open a name.
 */
export const givenNamesAlsoCommonWords = words("julio abril marco domingo jesus");

/**
 * Words of the lists that are common words too, mostly English ones the US lists hold ("can",
 * "other", "first", "then"): in lower case they are those words, never a name.
 */
export const commonListWords = words(`
  in an my all so can see other first said long young major then us real media live will may
  june mark art guy jack ray bob pat sue dawn grace hope joy faith page lane king rich gay earl
  dale glen chase grant hunter mason miller carter summer autumn rose bill
  lia mia pia nina vera clara dulce rey reina sara mara lara lino bento amada marcos paloma
  pastor amado amador amar amor alma alta alba abril agosto campo cara cielo coral corona digna
  durante eden flor flora gala gallego gracia lucero luna nada nona perla piedad placido primitivo
  prudencia rico salud santo segundo severo urbano modesto morena moreno monte noel casimir
  concha custodia custodio encarnacion fan han man son tan per can ante ola ora tara ria rima
  risa sal tal tia tina tono tom visitacion transito refugio socorro salina
`);
