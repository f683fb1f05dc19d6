/**
 * ESLint rule: text people wrote (a title, a name, an excerpt) is rendered isolated for direction.
 * A right-to-left override in a request title once reversed the text around it; `<bdi>` (our
 * `UserText`) or an element with a `dir` attribute keeps its direction inside.
 */
const USER_FIELDS = new Set([
  'title',
  'name',
  'excerpt',
  'authorName',
  'senderName',
  'statusText',
  'text',
  'note',
  'purpose',
  'departmentName', // organisation data as the admin typed it, in whatever script
]);
const ISOLATING = new Set(['bdi', 'UserText']);

const fieldName = (expression) =>
  expression.type === 'MemberExpression' && !expression.computed && expression.property.type === 'Identifier'
    ? expression.property.name
    : null;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'render user-written text inside <UserText>/<bdi> or an element with dir' },
    messages: {
      isolate:
        'render {{field}} (text people wrote) inside <UserText> or an element with dir="auto", so its direction cannot spill over',
    },
    schema: [],
  },
  create(context) {
    return {
      JSXExpressionContainer(node) {
        const field = fieldName(node.expression);
        if (!field || !USER_FIELDS.has(field) || node.parent.type !== 'JSXElement') return;
        const opening = node.parent.openingElement;
        const tag = opening.name.type === 'JSXIdentifier' ? opening.name.name : null;
        if (tag && ISOLATING.has(tag)) return;
        if (opening.attributes.some((a) => a.type === 'JSXAttribute' && a.name.name === 'dir')) return;
        context.report({ node, messageId: 'isolate', data: { field } });
      },
    };
  },
};
