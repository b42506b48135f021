/**
 * Typed errors with Dutch, user-facing messages. Every failure the user can cause
 * (bad input, a year without a norm, an error cell) becomes an IkkError; hosts turn it
 * into their own error value (Excel: CustomFunctions.Error, Sheets: a thrown message).
 */
export type IkkErrorCode =
  | "ONGELDIGE_INVOER" // text or a value that is not a number where a number belongs
  | "NEGATIEF" // a negative count or number of hours
  | "GEEN_GEHEEL_GETAL" // a count with decimals (kindercentra, doelgroeppeuters)
  | "FOUTWAARDE" // an error cell (#REF!, #WAARDE!, ...) in the input
  | "GEEN_NORM" // a year before the norm existed, or an unknown norm name
  | "DELEN_DOOR_NUL"
  | "ONBRUIKBAAR"; // a workbook that cannot be read or has no recognisable tables

export class IkkError extends Error {
  readonly code: IkkErrorCode;
  constructor(code: IkkErrorCode, message: string) {
    super(message);
    this.name = "IkkError";
    this.code = code;
  }
}

export function isIkkError(e: unknown): e is IkkError {
  return e instanceof IkkError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "IkkError");
}
