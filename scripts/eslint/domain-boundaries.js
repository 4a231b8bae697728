import { dirname, join, relative, resolve, sep } from 'node:path';
import { DOMAIN_DEPENDENCIES, LAYERS } from './domains.js';

/**
 * Boundaries read from folder names (as VS Code's layering rule does):
 * - src/shared imports only src/shared;
 * - a domain folder (src/<layer>/<domain>/) imports its own domain (in its layer or in shared),
 *   core (its layer's and shared's), the root files of shared (the joined contract) and the domains
 *   it declares it builds on (scripts/eslint/domains.js);
 * - core imports no domain;
 * - from outside a domain's folder, the domain is imported only through its index. Exception: a
 *   schema.ts may import the schema.ts of a domain it references (drizzle-kit reads schemas alone).
 */
const DOMAINS = Object.keys(DOMAIN_DEPENDENCIES);

function place(absPath, root) {
  const rel = relative(root, absPath).split(sep);
  if (rel[0] !== 'src' || !LAYERS.includes(rel[1])) return null;
  const layer = rel[1];
  // A folder named like a domain or core (`../cases`) is that folder's index; otherwise a file
  // directly in the layer folder is a root (join) file.
  const first = rel.length > 3 || DOMAINS.includes(rel[2]) || rel[2] === 'core' ? rel[2] : null;
  const area = first === null ? 'root' : DOMAINS.includes(first) ? first : first === 'core' ? 'core' : first;
  const rest = first === null ? rel.slice(2).join('/') : rel.slice(3).join('/');
  return { layer, area, isDomain: DOMAINS.includes(area), rest: rest.replace(/\.(ts|tsx|js|mjs)$/, '') };
}

export const domainBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep layers and domains apart (see docs/DEVELOPING.md).' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      sharedOnly: 'src/shared imports only src/shared ({{target}}). Move the code into shared, or the rule out of shared.',
      notDeclared:
        "Domain '{{from}}' does not build on '{{to}}' ({{target}}). Import core, your own domain, or a domain listed for '{{from}}' in scripts/eslint/domains.js (declare it there if it truly builds on it).",
      coreImportsDomain: "core has no domain words: it may not import the domain '{{to}}' ({{target}}). Pass what core needs in from the domain (a hook or a parameter).",
      throughIndex: "Import the domain '{{to}}' through its index ('{{index}}'), not its internal file '{{rest}}'; export what you need from its index.",
      otherLayer: '{{fromLayer}} may not import src/{{toLayer}} ({{target}}).',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd ?? process.cwd();
    const filename = resolve(context.filename);
    const from = place(filename, root);
    if (!from) return {};
    const isSchemaFile = /(^|\/)schema$/.test(from.rest) || from.rest === 'db/schema';

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(filename), spec);
      const to = place(target, root);
      if (!to) return;
      const shown = relative(root, target).split(sep).join('/');
      if (from.layer === 'shared' && to.layer !== 'shared') {
        context.report({ node, messageId: 'sharedOnly', data: { target: shown } });
        return;
      }
      if ((from.layer === 'renderer' && (to.layer === 'main' || to.layer === 'preload')) || (from.layer === 'main' && to.layer === 'renderer')) {
        context.report({ node, messageId: 'otherLayer', data: { fromLayer: `src/${from.layer}`, toLayer: to.layer, target: shown } });
        return;
      }
      if (from.area === 'core' && to.isDomain) {
        context.report({ node, messageId: 'coreImportsDomain', data: { to: to.area, target: shown } });
        return;
      }
      if (from.isDomain && to.isDomain && to.area !== from.area && !DOMAIN_DEPENDENCIES[from.area].includes(to.area)) {
        context.report({ node, messageId: 'notDeclared', data: { from: from.area, to: to.area, target: shown } });
        return;
      }
      if (from.isDomain && to.layer === from.layer && !to.isDomain && to.area !== 'core' && to.area !== 'db') {
        // A domain does not reach into its layer's join files (modules, app context) or the shell.
        context.report({ node, messageId: 'notDeclared', data: { from: from.area, to: to.area, target: shown } });
        return;
      }
      const sameFolder = to.layer === from.layer && to.area === from.area;
      if (to.isDomain && !sameFolder && to.rest !== '' && to.rest !== 'index') {
        if (isSchemaFile && /(^|\/)schema$/.test(to.rest)) return;
        const index = join(dirname(spec), spec.endsWith('/' + to.rest) ? spec.slice(0, spec.length - to.rest.length - 1) : spec).split(sep).join('/');
        context.report({ node, messageId: 'throughIndex', data: { to: to.area, rest: to.rest, index: spec.slice(0, spec.length - to.rest.length - 1) || index } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'domain-boundaries': domainBoundaries } };
