// VS Code's JSON language service: what an editor shows on hover. Reads {"schemas": {uri: path},
// "file": path, "uri": schema uri, "probes": [[line, character], ...]} on stdin and prints each hover's text.
import { readFileSync } from "node:fs";
import languageService from "vscode-json-languageservice";

const { getLanguageService, TextDocument } = languageService;

const input = JSON.parse(readFileSync(0, "utf8"));
const schemas = Object.fromEntries(
  Object.entries(input.schemas).map(([uri, path]) => [uri, readFileSync(path, "utf8")]));
const service = getLanguageService({
  schemaRequestService: (uri) => (uri in schemas ? Promise.resolve(schemas[uri]) : Promise.reject(uri)),
});
service.configure({
  validate: true,
  schemas: [{ uri: input.uri, fileMatch: ["*.json"] }],
});
const text = readFileSync(input.file, "utf8");
const document = TextDocument.create("file:///record.json", "json", 1, text);
const parsed = service.parseJSONDocument(document);
const out = [];
for (const [line, character] of input.probes) {
  const hover = await service.doHover(document, { line, character }, parsed);
  const contents = hover ? [].concat(hover.contents).map((c) => (typeof c === "string" ? c : c.value)) : [];
  out.push(contents.join("\n"));
}
process.stdout.write(JSON.stringify(out));
