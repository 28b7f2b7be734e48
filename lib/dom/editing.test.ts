/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { isEditingText } from './editing';

function add<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
  document.designMode = 'off';
});

describe('isEditingText', () => {
  it('is true in a textarea, a text input and an editable region', () => {
    for (const el of [add('textarea'), add('input'), add('input', { type: 'search' }), add('div', { contenteditable: 'true', tabindex: '0' })]) {
      el.focus();
      expect(isEditingText(document), el.outerHTML).toBe(true);
    }
  });

  it('is false on the page, a link, a button, a checkbox or a read-only field', () => {
    expect(isEditingText(document)).toBe(false);
    for (const el of [add('a', { href: '#' }), add('button'), add('input', { type: 'checkbox' }), add('textarea', { readonly: '' })]) {
      el.focus();
      expect(document.activeElement, el.outerHTML).toBe(el);
      expect(isEditingText(document), el.outerHTML).toBe(false);
    }
  });

  it('looks into open shadow roots, where components keep their editors', () => {
    const host = add('div');
    const field = document.createElement('textarea');
    host.attachShadow({ mode: 'open' }).append(field);
    field.focus();
    expect(document.activeElement).toBe(host);
    expect(isEditingText(document)).toBe(true);
  });

  it('is true in a document in design mode', () => {
    document.designMode = 'on';
    expect(isEditingText(document)).toBe(true);
  });
});
