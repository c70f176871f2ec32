// Validation against the OpenAPI schemas compiled into the model packages: types, required
// fields, enums and formats (quantities, int32, ...).
import { modelClass } from "./models.mjs";

/** Problems of one object against its schema; an object of an unknown kind is one. */
export async function schemaProblems(object) {
  const Model = await modelClass(object.apiVersion, object.kind);
  if (Model === null) {
    return [`no schema for apiVersion ${object.apiVersion} kind ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return String(error.message)
      .split(/\n|, (?=data\/)/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }
}
