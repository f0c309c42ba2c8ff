/** The sync protocol shared by the browser client and the server (server/): pure TypeScript and WebCrypto. */
export * from './bytes';
export * from './keys';
export * from './membership';
export * from './owner';
export * from './auth';
export * from './plan-doc';
export * from './checkpoint';
export * from './messages';
export * from './session';
export * from './keeper';
