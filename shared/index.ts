/** Public surface of the shared core, bundled into both hosts and the CLI. */
export * from "./errors";
export * from "./numbers";
export * from "./norms";
export * from "./cells";
export * from "./calc";
export * from "./catalogue";
