// Types for the plain-JS fake-credential oracle.

export interface FakeProvider {
  readonly id: string
  readonly provider: string
  readonly names: string[]
  readonly named?: boolean
  readonly multiline?: boolean
  readonly kind?: 'uri'
  readonly make: (ctx?: {host?: string}) => string
}

export interface FakeDecoy {
  readonly kind: string
  readonly name: string | null
  readonly make: () => string
}

export const FAKE_PROVIDERS: FakeProvider[]
export const DECOYS: FakeDecoy[]
export function randomFrom(alphabet: string, length: number): string
export function crc32Ascii(text: string): number
export function checksummedToken(prefix: string): string
export function verifyChecksummedToken(token: string): boolean
export function fakeJwt(claims: Record<string, unknown>): string
export function fakeProvider(id: string): FakeProvider
export function makeFake(id: string, ctx?: {host?: string}): string
export function decoysOfKind(kind?: string): FakeDecoy[]
export function lockfileIntegrity(): string
export function fakePngBytes(extra?: number): Buffer
export function fakeUuid(): string
