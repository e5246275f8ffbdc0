/**
 * The few FHIR R4 shapes the importer reads, written as structural types because the
 * installed `@types/fhir` (3.0.2) describes STU3 and has no `fhir/r4` entry. Every
 * field is optional and checked at run time: the input is `unknown`.
 * @internal
 */

export interface FhirCoding {
  readonly system?: string
  readonly code?: string
  readonly display?: string
}

export interface FhirCodeableConcept {
  readonly coding?: ReadonlyArray<FhirCoding>
  readonly text?: string
}

export interface FhirReference {
  readonly reference?: string
}

export interface FhirResource {
  readonly resourceType?: string
  readonly id?: string
  readonly [field: string]: unknown
}

export interface FhirBundleEntry {
  readonly fullUrl?: string
  readonly resource?: FhirResource
}

export interface FhirBundle {
  readonly resourceType?: string
  readonly entry?: ReadonlyArray<FhirBundleEntry>
}

/** A value as a plain object, or `undefined`. @internal */
export const asObject = (value: unknown): Readonly<Record<string, unknown>> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Readonly<Record<string, unknown>>) : undefined

/**
 * What kind of value this is (`a number`, `a list`, `null`…), for messages. Never the
 * value itself: bundle content may be personal data. @internal
 */
export const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`

/** An own field of an object (never one inherited from `Object.prototype`). @internal */
export const field = (value: unknown, name: string): unknown => {
  const object = asObject(value)
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined
}

/** A field that should be a string. @internal */
export const stringField = (value: unknown, name: string): string | undefined => {
  const result = field(value, name)
  return typeof result === 'string' ? result : undefined
}

/** A field that should be an array (an absent or malformed field is empty). @internal */
export const arrayField = (value: unknown, name: string): ReadonlyArray<unknown> => {
  const result = field(value, name)
  return Array.isArray(result) ? result : []
}

/** The codes of a CodeableConcept or a list of them. @internal */
export const codesOf = (concepts: unknown): ReadonlyArray<{ readonly code: string; readonly display?: string }> => {
  const list = Array.isArray(concepts) ? concepts : [concepts]
  return list.flatMap((concept) =>
    arrayField(concept, 'coding').flatMap((coding) => {
      const code = stringField(coding, 'code')
      if (code === undefined) return []
      const display = stringField(coding, 'display')
      return [{ code, ...(display === undefined ? {} : { display }) }]
    }),
  )
}
