import 'next-auth';

/** The session every page and action sees; tokens stay in the encrypted cookie. */
declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; groups: string[]; isAdmin: boolean };
  }
}
