// ajv 8 (draft 2020-12, its default strict mode) with ajv-formats: reads {"schemas": {root: path}, "keywords": [...],
// "cases": [[root, path], ...]} on stdin and prints [{"path", "valid", "errors"}] on stdout.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const input = JSON.parse(readFileSync(0, "utf8"));
// The annotation keywords KHTH schemas carry, declared as SPEC.md says, so that strict mode accepts them.
const ajv = new Ajv2020({ allErrors: true, keywords: input.keywords });  // default strict mode
addFormats(ajv);
const schemas = Object.fromEntries(
  Object.entries(input.schemas).map(([root, path]) => [root, JSON.parse(readFileSync(path, "utf8"))]));
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const validators = Object.fromEntries(
  Object.entries(schemas).map(([root, schema]) => [root, ajv.getSchema(schema.$id)]));
const out = input.cases.map(([root, path]) => {
  const data = JSON.parse(readFileSync(path, "utf8"));
  const valid = validators[root](data);
  return { path, valid, errors: valid ? [] : validators[root].errors.map((e) => `${e.instancePath} ${e.message}`) };
});
process.stdout.write(JSON.stringify(out));
