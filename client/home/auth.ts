// Accounts on the server: who am I, sign in, create an account, sign out.
import { api, type ApiResult } from './api.ts'

export type Me = { id: string; kind: string; email: string | null; displayName: string; organisation: string }

export const getMe = () => api<{ user: Me }>('/api/auth/me')

export const signIn = (email: string, password: string): Promise<ApiResult<{ user: Me }>> =>
  api('/api/auth/signin', { method: 'POST', body: JSON.stringify({ email, password }) })

export const signUp = (input: { email: string; password: string; displayName: string; organisation: string }): Promise<ApiResult<{ user: Me }>> =>
  api('/api/auth/signup', { method: 'POST', body: JSON.stringify(input) })

export const signOut = () => api<{ ok: boolean }>('/api/auth/signout', { method: 'POST', body: '{}' })
