/**
 * ESLint rule: features build from the design system in renderer/ui instead of restyling bare
 * elements. A bare modal once had no focus trap and no Escape, and a bare search box kept the
 * browser's look; the components carry both the behaviour and the tokens.
 */
const BUTTON_VARIANTS = new Set(['primary', 'secondary', 'link', 'danger', 'danger-outline']);

const attribute = (opening, name) =>
  opening.attributes.find((a) => a.type === 'JSXAttribute' && a.name.type === 'JSXIdentifier' && a.name.name === name);

const literal = (attr) => (attr && attr.value && attr.value.type === 'Literal' ? String(attr.value.value) : null);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'use the design-system components (Button, Dialog, Popover, SearchField, Badge) in features' },
    messages: {
      button: 'use <Button variant="{{variant}}"> from renderer/ui instead of a bare <button className="{{variant}}">',
      dialog: 'use <Dialog> (modal) or <Popover> (anchored panel) from renderer/ui instead of a bare role="{{role}}"',
      search: 'use <SearchField> from renderer/ui instead of a bare <input type="search">',
      badge: 'use <Badge tone=…> from renderer/ui instead of a bare className="badge"',
    },
    schema: [],
  },
  create(context) {
    if (/[\\/]renderer[\\/]ui[\\/]/.test(context.filename)) return {}; // the design system itself
    return {
      JSXOpeningElement(node) {
        if (node.name.type !== 'JSXIdentifier' || !/^[a-z]/.test(node.name.name)) return;
        const tag = node.name.name;
        const classes = (literal(attribute(node, 'className')) ?? '').split(/\s+/);
        const variant = classes.find((c) => BUTTON_VARIANTS.has(c));
        if (tag === 'button' && variant) context.report({ node, messageId: 'button', data: { variant } });
        const role = literal(attribute(node, 'role'));
        if (role === 'dialog' || role === 'alertdialog' || attribute(node, 'aria-modal')) {
          context.report({ node, messageId: 'dialog', data: { role: role ?? 'dialog' } });
        }
        if (tag === 'input' && literal(attribute(node, 'type')) === 'search') context.report({ node, messageId: 'search' });
        if (classes.includes('badge')) context.report({ node, messageId: 'badge' });
      },
    };
  },
};
