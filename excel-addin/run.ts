/**
 * The thin runner behind every generated Excel custom function: call the shared
 * catalogue and turn any failure into an Excel #VALUE! error whose tooltip shows the
 * Dutch message.
 */
import { callFunction, FunctionResult } from "../shared/catalogue";
import { isIkkError } from "../shared/errors";

function toExcelError(name: string, e: unknown): CustomFunctions.Error {
  // Duck-typed, not instanceof: the error may come from another realm (iframe, VM).
  const detail = typeof e === "object" && e !== null ? (e as { message?: unknown }).message : undefined;
  const message = isIkkError(e)
    ? e.message
    : `Onverwachte fout in IKK.${name}${typeof detail === "string" && detail ? `: ${detail}` : "."}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Runs a catalogue function with Excel's raw arguments (null for omitted optional ones). */
export function run(name: string, args: unknown[]): FunctionResult {
  try {
    return callFunction(name, args);
  } catch (e) {
    throw toExcelError(name, e);
  }
}

/** For functions declared with a 2-D result: a single value becomes a 1×1 matrix. */
export function runMatrix(name: string, args: unknown[]): (number | string)[][] {
  const result = run(name, args);
  return Array.isArray(result) ? result : [[result]];
}
