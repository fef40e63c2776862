// A small element builder: text always goes in as text, never as HTML.

/**
 * h('button', { class: 'primary', type: 'submit', onclick: fn }, 'Send')
 * Props: `class`, `dataset`, `on<event>` handlers, boolean attributes (true/false), others as attributes.
 * Children: strings, numbers, nodes, arrays, and null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

let ids = 0;
/** A labelled form field with a place for its error: `field('Email', { name: 'email', type: 'email' })`. */
export function field(label, input = {}, hint) {
  const id = input.id ?? `f${++ids}`;
  const control = input.tag === 'select' || input.tag === 'textarea'
    ? h(input.tag, { ...input, tag: null, id }, input.options ?? [])
    : h('input', { type: 'text', ...input, id });
  const describedBy = [];
  const hintNode = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintNode) describedBy.push(hintNode.id);
  const error = h('small', { id: `${id}-error`, class: 'field-error', 'data-error-for': input.name ?? '' });
  describedBy.push(error.id);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintNode, error);
}

/** A checkbox with its label after it. */
export function checkbox(label, input = {}) {
  const id = input.id ?? `f${++ids}`;
  return h('div', { class: 'field check' }, h('input', { type: 'checkbox', ...input, id }), h('label', { for: id }, label));
}

/** The form's values by name; numbers for type=number, booleans for checkboxes, undefined for empty fields. */
export function formValues(form) {
  const values = {};
  for (const control of form.elements) {
    if (!control.name) continue;
    if (control.type === 'checkbox') values[control.name] = control.checked;
    else if (control.value.trim() === '') values[control.name] = undefined;
    else if (control.type === 'number') values[control.name] = Number(control.value);
    else if (control.type === 'password') values[control.name] = control.value;
    else values[control.name] = control.value.trim();
  }
  return values;
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Enter sends the form the text box is in; Shift+Enter starts a new line. */
export function submitOnEnter(input, form) {
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
