/** Types of `pack-install.mjs` for the TypeScript tests that use it. */
export declare const cleanCopy: (root: string, folder: string) => number
export declare const packPackage: (
  folder: string,
  destination: string,
) => { readonly tarball: string; readonly filename: string; readonly files: ReadonlyArray<string>; readonly size: number }
export declare const installTarball: (
  consumer: string,
  tarball: string,
  manifest: { readonly peerDependencies?: Record<string, string>; readonly devDependencies?: Record<string, string> },
  options?: { readonly quiet?: boolean },
) => { readonly status: number | null; readonly stderr: string }
export declare const packFreshClone: (root: string) => {
  readonly tarball: string
  readonly filename: string
  readonly files: ReadonlyArray<string>
  readonly size: number
  readonly distBeforePacking: boolean
  readonly reused: boolean
}
