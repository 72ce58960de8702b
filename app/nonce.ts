import { createContext, useContext } from 'react'

// The per-response CSP nonce (server/security.ts), handed from the server entry to <Scripts>.
export const NonceContext = createContext<string | undefined>(undefined)
export const useNonce = () => useContext(NonceContext)
