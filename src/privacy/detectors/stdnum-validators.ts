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
  return (compact) => {
    // stdnum answers a failed check with a new Error; capturing its stack costs more than the
    // check itself, and scanning a text fails many candidates. The stack is never read.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return validator.validate(compact);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  };
}
