/**
 * ESLint rule: SQL lives in the storage implementation (`*-store.ts` files and `server/store/`),
 * so a second database is a new implementation of the stores, not a hunt through services, routes
 * and timers. It reports a string or template that reads as SQL, and a `.prepare(…)` or `.exec(…)`
 * call, anywhere else on the server. The files that still hold SQL are listed in eslint.config.js
 * as the ones issue 22 moves; a new one fails.
 */
/** A statement's opening, by shape (an HTTP method named DELETE or a sentence starting "Create" is not SQL). */
const SQL =
  /^\s*(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|REPLACE\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW|VIRTUAL)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)\b|WITH\s+(RECURSIVE\s+)?\w+[\s\S]*\bAS\s*\(|PRAGMA\s+\w+)/i;

/** A receiver named like a database (`db`, `this.db`, `cacheDb`, `database`): a regex's `exec` or a hook's `prepare` is not SQL. */
const DATABASE = /(^|[a-z_])(db|database|sqlite)$/i;
function isDatabase(node) {
  if (node.type === 'Identifier') return DATABASE.test(node.name);
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier')
    return DATABASE.test(node.property.name);
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in the storage implementation (*-store.ts, server/store/)' },
    messages: {
      sql: 'SQL belongs in a *-store.ts file (or server/store/): "{{text}}"',
      prepare: 'statements are prepared in a *-store.ts file (or server/store/), not here',
    },
    schema: [],
  },
  create(context) {
    if (/-store\.ts$|[\\/]server[\\/]store[\\/]/.test(context.filename)) return {};
    const check = (node, text) => {
      if (SQL.test(text)) context.report({ node, messageId: 'sql', data: { text: text.trim().slice(0, 40) } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis[0]?.value.cooked ?? '');
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          ['prepare', 'exec'].includes(callee.property.name) &&
          isDatabase(callee.object)
        ) {
          const first = node.arguments[0];
          const text =
            first?.type === 'Literal'
              ? String(first.value)
              : first?.type === 'TemplateLiteral'
                ? first.quasis[0]?.value.cooked
                : '';
          // db.prepare('SELECT …') is reported once, as SQL; a prepare of a variable is reported here.
          if (!SQL.test(text ?? '')) context.report({ node, messageId: 'prepare' });
        }
      },
    };
  },
};
