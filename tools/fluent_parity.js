// Formats the cases tools/fluent_parity.py sends on stdin with @fluent/bundle, bidi isolation off
// (as errcat formats), and prints the results as JSON, in the same order.
"use strict";
const { FluentBundle, FluentResource } = require("@fluent/bundle");

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const typed = (args) =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, /^-?[0-9]+$/.test(v) ? Number(v) : v]));
const results = input.map(({ id, entry, args }) => {
  const bundle = new FluentBundle(entry.locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(entry.fluent)).map(String);
  const message = bundle.getMessage(id);
  const values = typed(args);
  const format = (pattern) => {
    const found = [];
    const text = bundle.formatPattern(pattern, values, found);
    errors.push(...found.map(String));
    return text;
  };
  const text = format(message.value);
  const attribute = (name) => (message.attributes[name] ? format(message.attributes[name]) : null);
  const suggestion = attribute("suggestion");
  const description = attribute("description");
  return { message: text, suggestion, description, errors };
});
process.stdout.write(JSON.stringify(results));
