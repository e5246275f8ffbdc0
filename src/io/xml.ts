import { XMLParser } from 'fast-xml-parser'
import * as E from 'fp-ts/lib/Either.js'
import type { InteropError } from './errors.js'

/** A parsed XML element: attributes under `@`, text under `#text`, children by tag name (always arrays). @internal */
export interface XmlElement {
  readonly '@'?: Readonly<Record<string, string>>
  readonly '#text'?: string
  readonly [tag: string]: unknown
}

/**
 * How deep elements may nest in XML read by orgintel (GraphML is 4 deep; tools that
 * wrap it rarely add more than a few levels). Deeper text is refused with a message
 * that names this limit. @internal
 */
export const maxXmlDepth = 1000

const parser = new XMLParser({
  maxNestedTags: maxXmlDepth,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  // Entities are decoded below, by hand, for the five XML entities and character
  // references only: no DTD, no declared entities, so no entity-expansion bombs.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
})

const entity = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g

/** Decode the five predefined XML entities and character references. @internal */
export const decodeXmlText = (text: string): string =>
  text.replace(entity, (match, name: string) => {
    switch (name) {
      case 'lt':
        return '<'
      case 'gt':
        return '>'
      case 'amp':
        return '&'
      case 'quot':
        return '"'
      case 'apos':
        return "'"
      default: {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : match
      }
    }
  })

/**
 * Parse XML text safely: a DOCTYPE (and with it any entity declaration) is refused,
 * and parser failures (including the parser's own refusal of tag names such as
 * `__proto__`) become errors, never exceptions.
 * @internal
 */
export const parseXml = (text: string): E.Either<ReadonlyArray<InteropError>, XmlElement> => {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return E.left([{ code: 'unsupported-xml', path: '', message: 'The XML declares a DOCTYPE or entities, which are not accepted.' }])
  }
  try {
    return E.right(parser.parse(text, true) as XmlElement)
  } catch (error) {
    if (error instanceof Error && /nested tags/i.test(error.message)) {
      return E.left([{ code: 'invalid-xml', path: '', message: `The XML nests elements more than ${maxXmlDepth.toLocaleString('en-GB')} deep, the most this reader accepts.` }])
    }
    // Quote only the position from the parser's message: the rest may echo the input.
    const position = error instanceof Error ? /:(\d+):(\d+)$/.exec(error.message) : null
    const detail = position === null ? '' : ` (line ${position[1]}, column ${position[2]})`
    return E.left([{ code: 'invalid-xml', path: '', message: `The text is not well-formed XML${detail}.` }])
  }
}

/** The child elements of `element` with a tag name. @internal */
export const children = (element: XmlElement | undefined, tag: string): ReadonlyArray<XmlElement> => {
  if (element === undefined || !Object.prototype.hasOwnProperty.call(element, tag)) return []
  const value = element[tag]
  return Array.isArray(value) ? (value as XmlElement[]) : []
}

/** An attribute value, decoded. @internal */
export const attribute = (element: XmlElement, name: string): string | undefined => {
  const attributes = element['@']
  if (attributes === undefined || !Object.prototype.hasOwnProperty.call(attributes, name)) return undefined
  const value = attributes[name]
  return typeof value === 'string' ? decodeXmlText(value) : undefined
}

/** The element's text, decoded. @internal */
export const textOf = (element: XmlElement): string => {
  const text = element['#text']
  return typeof text === 'string' ? decodeXmlText(text) : ''
}
