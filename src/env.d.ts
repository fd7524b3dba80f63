/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in staff member on back-office routes (set by src/middleware.ts). */
    staff?: import('./lib/staff/roles.ts').Staff;
    /** The Store id of their session (the hash of the cookie's token). */
    sessionId?: string;
  }
}
