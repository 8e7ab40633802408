// Who is signed in: the auth user (`GET /user`) and the own profile (`GET /user/profile`).
import { ProfileSchema, UserSchema, type Profile, type User } from './models';
import type { Http } from './http';
import type { Credentials } from './types';
import type { CallOptions } from './types';

export interface UsersApi {
  me(options?: CallOptions): Promise<User>;
  profile(options?: CallOptions): Promise<Profile>;
}

/** `credentials` pins the calls to a given token (verifying a key before it is stored). */
export function createUsers(http: Http, credentials?: Credentials): UsersApi {
  const pin = credentials ? { credentials } : {};
  return {
    me: (options) => http.data({ method: 'GET', path: '/user', ...pin, ...options }, UserSchema),
    profile: (options) => http.data({ method: 'GET', path: '/user/profile', ...pin, ...options }, ProfileSchema),
  };
}
