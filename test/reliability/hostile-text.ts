/**
 * Ids and text chosen to break naive code: prototype keys, invisible and bidirectional
 * characters, diagram-language keywords, markup, quotes, JSON Pointer metacharacters.
 */
export const adversarialIds: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '\u200f', // right-to-left mark alone
  'ward\u202etxt.exe', // right-to-left override
  '\u200b', // zero-width space alone
  '\ufeff',
  'a\u200db',
  'graph',
  'subgraph',
  'end',
  'digraph',
  'node',
  'edge',
  'strict',
  'class',
  '<script>alert(1)</script>',
  `it's "quoted"`,
  'a/b~0~1',
  '&amp;<![CDATA[x]]>',
  '--> ; [label="x"]',
  '0',
  ' ',
  '🏥 ward',
  '\\',
]

/**
 * Ids that no output format can carry (C0 controls, U+FFFE, U+FFFF, lone surrogates):
 * the decoder refuses them with `invalid-id`, so they are kept out of the valid documents.
 */
export const refusedIds: ReadonlyArray<string> = [
  'line\nbreak',
  'tab\there',
  '\u0000',
  'bell\u0007',
  'not\ufffea character',
  'end\uffff',
  'half\ud83c',
  '\udfe5half',
]

/** A marker planted in every name; no message may contain it. */
export const nameMarker = 'NAME\u00a7'
/** A marker planted in every description and free text. */
export const freeTextMarker = 'FREE\u00a7'

export const adversarialNames: ReadonlyArray<string> = [
  `${nameMarker}<script>alert("x")</script>`,
  `${nameMarker}\u202eevil`,
  `${nameMarker}"quoted" 'name'`,
  `${nameMarker}${'x'.repeat(10_000)}`,
  `${nameMarker}\u200b`,
  `${nameMarker}]]>--></title>`,
]

/** Characters a safe message never shows raw (controls and bidirectional overrides). */
// eslint-disable-next-line no-control-regex
export const unsafeMessageCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/
