/**
 * Quote text as a DOT string whose label is shown literally: backslashes (which start
 * Graphviz escapes such as `\N`) and quotes are escaped, and `&`, `<`, `>` become
 * entities because Graphviz decodes entities in labels.
 * @internal
 */
export const quoteDot = (text: string): string => quoteDotLines([text])

const escapeDot = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')

/** Quote lines as one DOT string, each escaped as by {@link quoteDot}, centred one under another. @internal */
export const quoteDotLines = (lines: ReadonlyArray<string>): string => `"${lines.map(escapeDot).join('\\n')}"`
