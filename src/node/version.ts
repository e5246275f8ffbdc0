import packageJson from '../../package.json' with { type: 'json' }

/** The version of this library, from its package.json (inlined by the build). @category Experiments */
export const libraryVersion: string = packageJson.version
