/** The complaints register and its stages. */
export * from "./complaint.js";
