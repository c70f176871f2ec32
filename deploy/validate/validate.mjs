#!/usr/bin/env node
// Validates Kubernetes objects offline: node validate.mjs FILE... (multi-document YAML, such as
// `helm template` output). Exits 1 when any object is invalid, 2 on bad usage.
import { readFileSync } from "node:fs";
import { parseObjects, validateObjects } from "./lib/validate.mjs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs RENDERED.yaml...");
  process.exit(2);
}
let invalid = 0;
let total = 0;
for (const file of files) {
  const results = await validateObjects(parseObjects(readFileSync(file, "utf8")));
  for (const result of results) {
    total++;
    if (result.problems.length === 0) {
      console.log(`ok      ${file}: ${result.apiVersion} ${result.name}`);
    } else {
      invalid++;
      console.log(`INVALID ${file}: ${result.apiVersion} ${result.name}`);
      result.problems.forEach((problem) => console.log(`          ${problem}`));
    }
  }
}
console.log(`${total - invalid} valid, ${invalid} invalid`);
process.exit(invalid === 0 ? 0 : 1);
