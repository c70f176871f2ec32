import { parseAllDocuments } from "yaml";
import { schemaProblems } from "./schema.mjs";
import { semanticProblems } from "./semantics.mjs";
import { strictProblems } from "./strict.mjs";

/** The objects of a multi-document YAML text (such as `helm template` output). */
export function parseObjects(text) {
  const objects = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      throw new Error(`not YAML: ${document.errors[0].message}`);
    }
    const object = document.toJS();
    if (object !== null && object !== undefined) {
      objects.push(object);
    }
  }
  return objects;
}

/** Each object with what is wrong with it; an empty list of problems means it is valid. */
export async function validateObjects(objects) {
  const strict = strictProblems(objects);
  const results = [];
  for (const [index, object] of objects.entries()) {
    const problems = [...(await schemaProblems(object)), ...strict[index], ...semanticProblems(object)];
    results.push({ name: `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`, apiVersion: object.apiVersion, problems });
  }
  return results;
}
