/**
 * The kinds of personal data Colibrí recognises. Plain data: the detectors, the policy, the audit
 * and the API all speak these names.
 */

/** What a value is, for residency rules: which providers and regions may receive which class. */
export const dataClasses = [
  "national_id",
  "tax_id",
  "contact",
  "financial",
  "address",
  "name",
  "health",
] as const;
export type DataClass = (typeof dataClasses)[number];

interface PiiTypeInfo {
  /** ISO 3166-1 alpha-2, or null for types that are not national (e-mail, card). */
  country: string | null;
  /** The short tag used in redactions (`[CPF]`) and placeholders (`<CPF_1_k3f9q2>`). */
  tag: string;
  dataClass: DataClass;
  description: string;
}

export const piiTypeInfo = {
  BR_CPF: { country: "BR", tag: "CPF", dataClass: "national_id", description: "Brazil CPF" },
  BR_CNPJ: { country: "BR", tag: "CNPJ", dataClass: "tax_id", description: "Brazil CNPJ" },
  BR_PIS: {
    country: "BR",
    tag: "PIS",
    dataClass: "national_id",
    description: "Brazil PIS/PASEP/NIT",
  },
  BR_CNH: {
    country: "BR",
    tag: "CNH",
    dataClass: "national_id",
    description: "Brazil driving licence (CNH)",
  },
  BR_RG: {
    country: "BR",
    tag: "RG",
    dataClass: "national_id",
    description: "Brazil RG (identity card)",
  },
  BR_CEP: {
    country: "BR",
    tag: "CEP",
    dataClass: "address",
    description: "Brazil postal code (CEP)",
  },
  MX_CURP: { country: "MX", tag: "CURP", dataClass: "national_id", description: "Mexico CURP" },
  MX_RFC: { country: "MX", tag: "RFC", dataClass: "tax_id", description: "Mexico RFC" },
  MX_CLABE: {
    country: "MX",
    tag: "CLABE",
    dataClass: "financial",
    description: "Mexico CLABE bank account",
  },
  MX_INE: {
    country: "MX",
    tag: "INE",
    dataClass: "national_id",
    description: "Mexico INE clave de elector",
  },
  AR_CUIT: { country: "AR", tag: "CUIT", dataClass: "tax_id", description: "Argentina CUIT/CUIL" },
  AR_DNI: { country: "AR", tag: "DNI", dataClass: "national_id", description: "Argentina DNI" },
  CL_RUT: { country: "CL", tag: "RUT", dataClass: "national_id", description: "Chile RUT/RUN" },
  CO_NIT: { country: "CO", tag: "NIT", dataClass: "tax_id", description: "Colombia NIT" },
  CO_CEDULA: {
    country: "CO",
    tag: "CEDULA",
    dataClass: "national_id",
    description: "Colombia cédula de ciudadanía",
  },
  PE_RUC: { country: "PE", tag: "RUC", dataClass: "tax_id", description: "Peru RUC" },
  PE_DNI: { country: "PE", tag: "DNI", dataClass: "national_id", description: "Peru DNI" },
  EC_CEDULA: {
    country: "EC",
    tag: "CEDULA",
    dataClass: "national_id",
    description: "Ecuador cédula",
  },
  EC_RUC: { country: "EC", tag: "RUC", dataClass: "tax_id", description: "Ecuador RUC" },
  UY_CEDULA: {
    country: "UY",
    tag: "CEDULA",
    dataClass: "national_id",
    description: "Uruguay cédula de identidad",
  },
  UY_RUT: { country: "UY", tag: "RUT", dataClass: "tax_id", description: "Uruguay RUT" },
  VE_CEDULA: {
    country: "VE",
    tag: "CEDULA",
    dataClass: "national_id",
    description: "Venezuela cédula",
  },
  VE_RIF: { country: "VE", tag: "RIF", dataClass: "tax_id", description: "Venezuela RIF" },
  PY_RUC: { country: "PY", tag: "RUC", dataClass: "tax_id", description: "Paraguay RUC" },
  EMAIL: { country: null, tag: "EMAIL", dataClass: "contact", description: "E-mail address" },
  PHONE: { country: null, tag: "PHONE", dataClass: "contact", description: "Phone number" },
  CARD: { country: null, tag: "CARD", dataClass: "financial", description: "Payment card number" },
  PERSON_NAME: { country: null, tag: "NAME", dataClass: "name", description: "Person's name" },
  STREET_ADDRESS: {
    country: null,
    tag: "ADDRESS",
    dataClass: "address",
    description: "Street address",
  },
  HEALTH: {
    country: null,
    tag: "HEALTH",
    dataClass: "health",
    description: "Health condition of a person",
  },
} as const satisfies Record<string, PiiTypeInfo>;

export type PiiType = keyof typeof piiTypeInfo;
export const piiTypes = Object.keys(piiTypeInfo) as PiiType[];

/** One piece of personal data found in a text. */
export interface Finding {
  type: PiiType;
  /** ISO 3166-1 alpha-2: the type's country, or for a phone the region its number belongs to. */
  country: string | null;
  /** UTF-16 offsets into the scanned string: `text.slice(start, end)` is the value. */
  start: number;
  end: number;
  /** In [0, 1]: how sure the detector is (check digit, format, context words). */
  confidence: number;
  /** True when a check digit (or the phone numbering plan) validated the value. */
  validated: boolean;
  /**
   * The value in one canonical form (see normalize.ts): the same identifier written two ways
   * normalises alike, so it gets one placeholder and one audit hash. Never leaves the process.
   */
  normalized: string;
}
