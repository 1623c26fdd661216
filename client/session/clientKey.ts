// A random key per document that proves its Yjs client ids to the server across reconnects,
// server restarts and sign-ins (docs/api.md, sync: client ids). Held only in memory beside the
// Y.Doc: a new document (a reload) has a new client id and gets a new key, so nothing links one
// document's ids to another's.
export function clientKeyParams(): { clientKey: string } {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  const base64 = btoa(String.fromCharCode(...bytes))
  return { clientKey: base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') }
}
