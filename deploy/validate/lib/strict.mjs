// Unknown fields, which the OpenAPI schemas allow and the API server drops (or refuses with
// --validate=strict): each object becomes a typed object literal, and TypeScript's excess
// property check reports every field its model's interface does not declare.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { modelModule } from "./models.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.join(HERE, "..", "__objects__.ts");
const OPTIONS = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
};

/** Problems of each object (by index) that only a strict check finds. */
export function strictProblems(objects) {
  const lines = [];
  const owners = [];
  const emit = (text, owner) => {
    for (const line of text.split("\n")) {
      lines.push(line);
      owners.push(owner);
    }
  };
  objects.forEach((object, index) => {
    const module = modelModule(object.apiVersion, object.kind);
    if (module !== null) {
      emit(`import type { I${object.kind} as T${index} } from "${module}";`, index);
    }
  });
  objects.forEach((object, index) => {
    if (modelModule(object.apiVersion, object.kind) !== null) {
      emit(`export const o${index}: T${index} = ${JSON.stringify(withoutNulls(object), null, 2)};`, index);
    }
  });
  const source = lines.join("\n");

  const host = ts.createCompilerHost(OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    path.resolve(name) === FILE
      ? ts.createSourceFile(name, source, version)
      : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => path.resolve(name) === FILE || fileExists.call(host, name);
  host.readFile = (name) => (path.resolve(name) === FILE ? source : readFile.call(host, name));

  const program = ts.createProgram([FILE], OPTIONS, host);
  const problems = objects.map(() => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    // the literal's keys are JSON strings: show 'name', not '"name"'
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").replace(/'"([^"']*)"'/g, "'$1'");
    if (diagnostic.file === undefined || path.resolve(diagnostic.file.fileName) !== FILE) {
      throw new Error(`the strict check itself failed: ${message}`);
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    problems[owners[line]].push(`${message} (at: ${lines[line].trim()})`);
  }
  return problems;
}

/** Kubernetes drops null fields; so does the strict check. */
function withoutNulls(value) {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}
