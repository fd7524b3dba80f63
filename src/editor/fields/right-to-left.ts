/**
 * Uyghur fields: edited right to left and stored in normal form. Keystatic's inputs take no
 * direction, so the field's input is rendered inside `<div dir="rtl" lang="ug">`; text inputs and
 * the Markdown editor (toolbar included) follow the direction they inherit. The text is
 * normalised here as it is written, and again on the server (src/editor/save/), which is the
 * guarantee: a browser with an old copy of this code cannot store other spellings.
 */
import { createElement, type ReactElement } from 'react';
import type { ContentFormField, FormFieldInputProps, SlugFormField } from '@keystatic/core';
import { normalizeUyghur } from '../../lib/uyghur-normalize.ts';

function inUyghur<V>(Inner: (props: FormFieldInputProps<V>) => ReactElement | null) {
  return function UyghurInput(props: FormFieldInputProps<V>) {
    return createElement('div', { dir: 'rtl', lang: 'ug' }, createElement(Inner, props));
  };
}

/** A text field (Keystatic's text fields are slug-capable fields) edited in Uyghur. */
export function uyghurText<R, S>(field: SlugFormField<string, string, R, S>): SlugFormField<string, string, R, S> {
  return {
    ...field,
    Input: inUyghur(field.Input),
    serialize: (value) => field.serialize(normalizeUyghur(value)),
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A Markdown body edited in Uyghur. */
export function uyghurContent<P extends {} | null, V extends P, R>(field: ContentFormField<P, V, R>): ContentFormField<P, V, R> {
  return {
    ...field,
    Input: inUyghur(field.Input),
    serialize(value, extra) {
      const out = field.serialize(value, extra);
      return out.content ? { ...out, content: encoder.encode(normalizeUyghur(decoder.decode(out.content))) } : out;
    },
  };
}
