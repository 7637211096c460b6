import stdnumPackage from "stdnum";

/** The outcome of a python-stdnum-style validation. */
export interface Validation {
  isValid: boolean;
}

/**
 * The `validate` function of one of stdnum's validators (the JavaScript port of python-stdnum),
 * e.g. `stdnumValidate("BR", "cpf")`. Its validators want the value compacted: letters and digits
 * only. Throws at start-up if the installed stdnum lacks it.
 */
export function stdnumValidate(country: string, name: string): (compact: string) => Validation {
  const validator = stdnumPackage.stdnum[country]?.[name];
  if (validator === undefined) {
    throw new Error(`stdnum has no validator ${country}.${name}; check the installed version.`);
  }
  return (compact) => validator.validate(compact);
}
